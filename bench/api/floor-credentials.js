// The key the signed floor (floor-server.js --signed) verifies requests with. A benchmark-only
// pair: the floor server issues nothing and stores nothing.

export const FLOOR_CREDENTIALS = { accessKeyId: 'AKIAFLOORBENCHMARK00', secretAccessKey: 'floor-benchmark-secret-not-a-real-key-000' }
