package newsfacts

// Version is the newsfacts release, recorded in the metadata of every
// Parquet and Arrow file it writes.
const Version = "0.1.0"
