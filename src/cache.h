/* cache.h - compiled images of data files, kept in a cache directory.
 *
 * Reading the text data costs tens of milliseconds for the shipped gazetteers and
 * seconds for a list of a million names; a pipe stage started once per file would pay
 * it every time. So the first run writes an image of what it loaded (see
 * gazetteer_save_image) and later runs with the same sources map that image instead.
 *
 * An image is named by a fingerprint of its sources: the image format, the library
 * version, the keys the tokenizer gives a probe text and the hash the trie gives it,
 * and for each source file in
 * order its path, device, inode, size and modification time. Editing, replacing or
 * reordering a file gives a new fingerprint, so a stale image is simply never read
 * again (and can be deleted at any time: the cache only ever saves time).
 * Images are written to a temporary file and renamed into place, so processes that
 * share a cache directory never see half an image.
 */
#ifndef NERC_CACHE_H
#define NERC_CACHE_H

#include <stddef.h>
#include <stdint.h>

/* Fingerprint of `kind` ("gazetteers") built from paths[0, n). Returns 0, or
 * NERC_EIO when a path cannot be stat'ed (the caller then loads the text, which
 * reports the error properly). */
int cache_fingerprint(const char *kind, const char *const *paths, size_t n, uint64_t *out);

/* DIR/KIND-FINGERPRINT.img into out. Returns 0, or NERC_EARG when it does not fit. */
int cache_image_path(char *out, size_t outlen, const char *dir, const char *kind,
                     uint64_t fingerprint);

/* Create dir (and its parents) if needed and open a new temporary file in it for an
 * image; its name goes to tmp. Returns the descriptor, or a negative NERC_E*. */
int cache_create_temp(const char *dir, char *tmp, size_t tmplen);

/* Close fd and move tmp to final (ok != 0), or close and remove tmp (ok == 0).
 * Returns 0 or NERC_EIO. */
int cache_commit(int fd, const char *tmp, const char *final, int ok);

/* Write n bytes to fd, retrying short writes and EINTR. Returns 0 or NERC_EIO. */
int cache_write_all(int fd, const void *p, size_t n);

/* Map a whole file read-only. Returns 0, NERC_EIO (cannot open or map) or
 * NERC_EFORMAT (not a regular, non-empty file). Undo with cache_unmap. */
int cache_map(const char *path, const void **base, size_t *len);
void cache_unmap(const void *base, size_t len);

#endif
