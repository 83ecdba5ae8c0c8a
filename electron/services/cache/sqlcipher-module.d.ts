// better-sqlite3-multiple-ciphers ships its typings outside its package "exports": it is
// better-sqlite3's API (plus key/rekey, used here through PRAGMA), so it is typed as that.
declare module 'better-sqlite3-multiple-ciphers' {
  import Database from 'better-sqlite3';
  export = Database;
}
