"""Staff import: read a CSV or XLSX staff list, show what it would change, then apply it."""
