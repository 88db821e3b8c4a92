// Runs while the panel's HTML is still being parsed, before its modules load: it starts opening the
// audit database so the backing store is warm when the panel asks for it (the open is the slowest
// part of showing an audit). It opens the current version, closes at once, and never upgrades.
try {
  const request = indexedDB.open('peakend');
  request.onsuccess = () => request.result.close();
  request.onupgradeneeded = () => request.transaction && request.transaction.abort();
} catch {
  // The panel opens the database itself anyway.
}
