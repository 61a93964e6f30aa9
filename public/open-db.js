/*
 * Starts opening the pupil's device database while the app's code is still on its way: at a cold
 * start this open took 200-500 ms (4x CPU throttle), most of it before the app's first read. The
 * app takes the request over (src/store/db.ts). It never upgrades: a database that needs one is
 * aborted here and left to the app. The version must equal DB_VERSION there (a unit test checks).
 */
(function () {
  try {
    var request = indexedDB.open('cartable', 4);
    request.onupgradeneeded = function () {
      request.transaction.abort();
    };
    // Whoever holds this connection (the app, or nobody when this script ran after the app had
    // opened its own), it never stands in the way of a newer version's upgrade.
    request.onsuccess = function () {
      request.result.onversionchange = function () {
        request.result.close();
      };
    };
    self.cartableDbOpening = request;
  } catch (error) {
    // No IndexedDB here (a private window of some browsers): the app says so itself.
  }
})();
