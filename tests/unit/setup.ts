// A fresh, empty IndexedDB for every test file (and every test that calls resetIndexedDb()).
import 'fake-indexeddb/auto';
