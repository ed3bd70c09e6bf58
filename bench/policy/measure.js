// Timing for benchmarks: several rounds of a fixed duration, reported as the median rate, so
// one noisy moment on a shared machine does not decide the figure.

export function measureSync(fn, { seconds, rounds = 5 }) {
  return compareSync({ only: fn }, { seconds, rounds }).only
}

/**
 * Measures several functions in alternating rounds (a, b, c, a, b, c, ...), so a slow moment on
 * a shared machine hurts them alike; returns each one's median calls per second.
 */
export function compareSync(fns, { seconds, rounds = 5 }) {
  const names = Object.keys(fns)
  const perRound = (seconds * 1000) / rounds / names.length
  const batches = Object.fromEntries(names.map((name) => [name, batchSize(fns[name])]))
  const rates = Object.fromEntries(names.map((name) => [name, []]))
  for (let r = 0; r < rounds; r++) {
    for (const name of names) {
      const fn = fns[name]
      const batch = batches[name]
      let n = 0
      const start = performance.now()
      let now = start
      while (now - start < perRound) {
        for (let i = 0; i < batch; i++) fn()
        n += batch
        now = performance.now()
      }
      rates[name].push(n / ((now - start) / 1000))
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(rates[name])]))
}

/** A batch size that takes ~5 ms, so the clock is read rarely. */
function batchSize(fn) {
  let batch = 1
  for (;;) {
    const t = performance.now()
    for (let i = 0; i < batch; i++) fn()
    if (performance.now() - t > 5 || batch > 1e7) return batch
    batch *= 2
  }
}

export async function measureAsync(fn, { seconds, rounds = 3, minCalls = 3 }) {
  const perRound = (seconds * 1000) / rounds
  const rates = []
  for (let r = 0; r < rounds; r++) {
    let n = 0
    const start = performance.now()
    let now = start
    while (now - start < perRound || n < minCalls) {
      await fn()
      n++
      now = performance.now()
    }
    rates.push(n / ((now - start) / 1000))
  }
  return median(rates)
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}
