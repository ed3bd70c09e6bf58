// Insertion order for rows that list in the order they were added (tags, group members,
// attachments): milliseconds times 1000 plus a counter, so it keeps increasing within a process
// and roughly across processes sharing one database.

export class Sequence {
  private last = 0

  next(): number {
    const candidate = Date.now() * 1000
    this.last = candidate > this.last ? candidate : this.last + 1
    return this.last
  }
}
