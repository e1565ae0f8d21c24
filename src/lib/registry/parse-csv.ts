/** One record of a CSV file with the 1-based line on which it starts. */
export interface CsvRecord {
  line: number
  cells: string[]
  /** The record's source text as it stands in the file, without its line break (it may span lines). */
  raw: string
}

/**
 * Splits CSV text (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks) into records,
 * keeping the source line each record starts on so that every row can be traced back to the file.
 * The delimiter is a comma, or a tab when the first line has tabs and no commas. Blank lines become
 * records with one empty cell; the caller decides what to do with them.
 *
 * @example
 * parseCsv('a,b\n"x, y",2\n') // [{ line: 1, cells: ['a', 'b'], raw: 'a,b' }, { line: 2, cells: ['x, y', '2'], raw: '"x, y",2' }]
 */
export function parseCsv(text: string): CsvRecord[] {
  const firstLine = text.slice(0, text.search(/\r|\n|$/))
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ','
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let recordLine = 1
  let recordStart = 0
  const endRecord = (end: number) => {
    cells.push(cell)
    records.push({ line: recordLine, cells, raw: text.slice(recordStart, end) })
    cells = []
    cell = ''
  }
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (char === '"') {
        quoted = false
      } else {
        if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line++
        cell += char
      }
    } else if (char === '"' && cell.trim() === '') {
      quoted = true
      cell = ''
    } else if (char === delimiter) {
      cells.push(cell)
      cell = ''
    } else if (char === '\n' || char === '\r') {
      endRecord(i)
      if (char === '\r' && text[i + 1] === '\n') i++
      line++
      recordLine = line
      recordStart = i + 1
    } else {
      cell += char
    }
  }
  if (cell !== '' || cells.length > 0 || quoted) endRecord(text.length)
  return records
}
