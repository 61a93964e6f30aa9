/** Cache-Control values shared by packs, blobs and the app's hashed assets. */

/** Content-addressed bytes never change under their name: any cache may keep them for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
