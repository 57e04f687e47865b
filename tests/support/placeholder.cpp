// Replaced as the support sources land.
