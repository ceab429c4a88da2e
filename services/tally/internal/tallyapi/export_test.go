package tallyapi

// ImportBatch is how many streamed protocols share one store transaction.
const ImportBatch = importBatch
