#!/bin/sh
# Create Khabar's topics with explicit settings; safe to run again (idempotent).
# Runs in the official apache/kafka image: the `topics` service of docker-compose.yml and the
# `khabar-topics` Job of deploy/k8s both use this file.
#
# Environment (the KHABAR_* ones are the workers' own settings, see docs/configuration.md):
#   KHABAR_BROKER             bootstrap servers (a kafka:// prefix is accepted)
#   KHABAR_TOPIC_PREFIX       prefix of every topic name
#   KHABAR_PARTITIONS         partitions per topic = the most consumers one stage can use
#   KHABAR_REPLICATION        replication factor (3 on a production cluster)
#   KHABAR_MAX_MESSAGE_BYTES  largest event the workers send; topics accept it plus headroom,
#                             and the dead-letter topic twice that (it holds the original base64)
#   KHABAR_DUPLICATE_WINDOW   articles the near-duplicate index holds; the fingerprints topic
#                             keeps as many (compact,delete by size)
#   TOPIC_RETENTION_MS        retention of articles.raw/cleaned/enriched (default 7 days)
#   DEADLETTER_RETENTION_MS   retention of articles.deadletter (default 30 days)
#   TOPIC_MIN_INSYNC_REPLICAS min.insync.replicas (default 2 when replication >= 3, else 1)
#   KAFKA_COMMAND_CONFIG      optional client properties file (SASL/SSL) for the Kafka tools
set -eu

BOOTSTRAP=$(printf '%s' "${KHABAR_BROKER:-localhost:9092}" | sed 's#kafka://##g')
PREFIX="${KHABAR_TOPIC_PREFIX:-}"
PARTITIONS="${KHABAR_PARTITIONS:-6}"
REPLICATION="${KHABAR_REPLICATION:-1}"
MAX_BYTES="${KHABAR_MAX_MESSAGE_BYTES:-1000000}"
WINDOW="${KHABAR_DUPLICATE_WINDOW:-200000}"
RETENTION_MS="${TOPIC_RETENTION_MS:-604800000}"
DEADLETTER_RETENTION_MS="${DEADLETTER_RETENTION_MS:-2592000000}"
MIN_ISR="${TOPIC_MIN_INSYNC_REPLICAS:-$(( REPLICATION >= 3 ? 2 : 1 ))}"
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"
# Record and batch overhead (key, headers, batch header) on top of the event itself.
HEADROOM=65536
# The fingerprints topic holds the near-duplicate window: 1.25 KiB budgeted per record, twice the
# window's bytes per partition, in segments of an eighth of that, at least 1 MiB (the workers
# create it the same way: topic_configs in workers/kafka/admin.py).
WINDOW_PER_PARTITION=$(( (WINDOW + PARTITIONS - 1) / PARTITIONS ))
FINGERPRINT_BYTES=$(( WINDOW_PER_PARTITION * 1280 * 2 ))
FINGERPRINT_SEGMENT=$(( FINGERPRINT_BYTES / 8 > 1048576 ? FINGERPRINT_BYTES / 8 : 1048576 ))

ensure_topic() {
    name="$PREFIX$1"
    max_bytes="$2"
    retention_ms="$3"
    policy="${4:-delete}"
    extra="${5:-}" # more key=value settings, space-separated
    set -- --config "max.message.bytes=$max_bytes" --config "retention.ms=$retention_ms" \
        --config "min.insync.replicas=$MIN_ISR" --config "cleanup.policy=$policy"
    # kafka-configs takes a list value in brackets: cleanup.policy=[compact,delete]
    settings="max.message.bytes=$max_bytes,retention.ms=$retention_ms,min.insync.replicas=$MIN_ISR,cleanup.policy=[$policy]"
    for setting in $extra; do
        set -- "$@" --config "$setting"
        settings="$settings,$setting"
    done
    "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" ${KAFKA_COMMAND_CONFIG:+--command-config "$KAFKA_COMMAND_CONFIG"} \
        --create --if-not-exists --topic "$name" \
        --partitions "$PARTITIONS" --replication-factor "$REPLICATION" "$@"
    # --if-not-exists leaves an existing topic as it was: bring its settings up to date.
    "$KAFKA_BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" ${KAFKA_COMMAND_CONFIG:+--command-config "$KAFKA_COMMAND_CONFIG"} \
        --alter --entity-type topics --entity-name "$name" --add-config "$settings"
    echo "topic $name: partitions=$PARTITIONS replication=$REPLICATION $settings"
}

ensure_topic articles.raw "$(( MAX_BYTES + HEADROOM ))" "$RETENTION_MS"
ensure_topic articles.cleaned "$(( MAX_BYTES + HEADROOM ))" "$RETENTION_MS"
ensure_topic articles.enriched "$(( MAX_BYTES + HEADROOM ))" "$RETENTION_MS"
ensure_topic articles.deadletter "$(( 2 * MAX_BYTES + HEADROOM ))" "$DEADLETTER_RETENTION_MS"
# The extract workers' near-duplicate index: one small record per article id.
ensure_topic articles.fingerprints "$(( MAX_BYTES + HEADROOM ))" -1 compact,delete \
    "retention.bytes=$FINGERPRINT_BYTES segment.bytes=$FINGERPRINT_SEGMENT"

"$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" ${KAFKA_COMMAND_CONFIG:+--command-config "$KAFKA_COMMAND_CONFIG"} --describe \
    --topic "^${PREFIX}articles\\..*" 2>/dev/null || true
