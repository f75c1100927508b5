"""The ledger: invoices, payments, expenses, collections, recurring invoices, reports."""
