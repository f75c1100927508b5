"""Documents: invoices and status reports as text, Markdown, HTML, PDF and e-mail drafts."""
