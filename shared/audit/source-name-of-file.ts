/** "q3-audit" for q3-audit.ndjson.gz, q3-audit.json, q3-audit.csv or q3-audit.sqlite: a file's name without its audit extensions. */
export function sourceNameOfFile(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop()!;
  return name.replace(/(\.(ndjson|jsonl|json|csv|sqlite|gz))+$/i, '');
}
