"""Reading uploaded workbooks safely, finding their tables, validating and loading them."""
