"""`khabar inspect`: articles run through the stages in this process and shown as static HTML
pages, for operators tuning the cleanup rules and reviewers judging quality by eye.

`collect` runs the stages and keeps what the page needs (`view.Inspected`); `view` turns the
records into marks on lines and paragraphs; `render` writes the HTML; `style` holds the colours
(each fact once) and the page's CSS. Rendering is pure: data in, text out.
"""
