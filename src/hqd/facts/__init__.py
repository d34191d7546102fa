"""Facts: extracted quantities normalised for analysis (indicator mapping)."""
