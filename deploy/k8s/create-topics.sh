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
RETENTION_MS="${TOPIC_RETENTION_MS:-604800000}"
DEADLETTER_RETENTION_MS="${DEADLETTER_RETENTION_MS:-2592000000}"
MIN_ISR="${TOPIC_MIN_INSYNC_REPLICAS:-$(( REPLICATION >= 3 ? 2 : 1 ))}"
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"
# Record and batch overhead (key, headers, batch header) on top of the event itself.
HEADROOM=65536

ensure_topic() {
    name="$PREFIX$1"
    max_bytes="$2"
    retention_ms="$3"
    policy="${4:-delete}"
    "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" ${KAFKA_COMMAND_CONFIG:+--command-config "$KAFKA_COMMAND_CONFIG"} \
        --create --if-not-exists --topic "$name" \
        --partitions "$PARTITIONS" --replication-factor "$REPLICATION" \
        --config "max.message.bytes=$max_bytes" \
        --config "retention.ms=$retention_ms" \
        --config "min.insync.replicas=$MIN_ISR" \
        --config "cleanup.policy=$policy"
    # --if-not-exists leaves an existing topic as it was: bring its settings up to date.
    "$KAFKA_BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" ${KAFKA_COMMAND_CONFIG:+--command-config "$KAFKA_COMMAND_CONFIG"} \
        --alter --entity-type topics --entity-name "$name" \
        --add-config "max.message.bytes=$max_bytes,retention.ms=$retention_ms,min.insync.replicas=$MIN_ISR,cleanup.policy=$policy"
    echo "topic $name: partitions=$PARTITIONS replication=$REPLICATION max.message.bytes=$max_bytes retention.ms=$retention_ms min.insync.replicas=$MIN_ISR cleanup.policy=$policy"
}

ensure_topic articles.raw "$(( MAX_BYTES + HEADROOM ))" "$RETENTION_MS"
ensure_topic articles.cleaned "$(( MAX_BYTES + HEADROOM ))" "$RETENTION_MS"
ensure_topic articles.enriched "$(( MAX_BYTES + HEADROOM ))" "$RETENTION_MS"
ensure_topic articles.deadletter "$(( 2 * MAX_BYTES + HEADROOM ))" "$DEADLETTER_RETENTION_MS"
# The extract workers' near-duplicate index: one small record per article id, compacted.
ensure_topic articles.fingerprints "$(( MAX_BYTES + HEADROOM ))" "$RETENTION_MS" compact

"$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" ${KAFKA_COMMAND_CONFIG:+--command-config "$KAFKA_COMMAND_CONFIG"} --describe \
    --topic "^${PREFIX}articles\\..*" 2>/dev/null || true
