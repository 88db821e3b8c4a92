// PouchDB ships no types; what this code and the tests call, typed through pouch-port.ts.
declare module 'pouchdb-core' {
  interface PouchStatic {
    /** Typed by the caller as the narrow port it uses (src/sync/pouch-port.ts). */
    new <Db = unknown>(name: string, opts?: object): Db;
    plugin(plugin: unknown): PouchStatic;
    defaults(opts: object): PouchStatic;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}
declare module 'pouchdb-adapter-idb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-mapreduce' {
  const plugin: unknown;
  export default plugin;
}
