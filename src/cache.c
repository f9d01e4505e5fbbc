/* cache.c - where compiled images live and when they are fresh (see cache.h). */
#include "cache.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nerc.h"
#include "tokenizer.h"
#include "util.h"

/* Bumped whenever a change to the code would make old images wrong in a way the
 * probe below cannot see (the gazetteer's layout checks its own version). */
#define CACHE_FORMAT 1u

/* Text whose token keys stand for the tokenizer's behaviour: case folding, marks,
 * compatibility forms, quotes and dashes, hyphens, possessives, abbreviations. */
static const char probe_text[] =
    "\xc3\x87" "a Beyonc\xc3\xa9 O\xe2\x80\x99Neill's U.S.-led \xef\xac\x81nal "
    "\xc4\xb0stanbul K\xc3\xb6ln S-300 Kim Jong-un AL-QA'IDA \xe2\x80\x94 3rd 1,200 "
    "\xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1 \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 \xef\xbc\xa1";

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 29;
    return h;
}

static uint64_t mix_bytes(uint64_t h, const char *s, size_t n)
{
    uint64_t f = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        f ^= (unsigned char)s[i];
        f *= 0x100000001b3ULL;
    }
    return mix(mix(h, f), n);
}

int cache_fingerprint(const char *kind, const char *const *paths, size_t n, uint64_t *out)
{
    uint64_t h = mix(0, CACHE_FORMAT);
    h = mix_bytes(h, kind, strlen(kind));
    h = mix_bytes(h, NERC_VERSION_STRING, strlen(NERC_VERSION_STRING));
    token_buf tb;
    token_buf_init(&tb);
    if (tokenize(probe_text, sizeof probe_text - 1, &tb) < 0) {
        token_buf_free(&tb);
        return NERC_ENOMEM;
    }
    for (size_t i = 0; i < tb.n; i++) {
        h = mix_bytes(h, tb.keys + tb.tokens[i].key, tb.tokens[i].key_len);
        h = mix(h, tb.tokens[i].flags);
    }
    token_buf_free(&tb);
    h = mix(h, util_hash(7, probe_text, sizeof probe_text - 1)); /* the trie's hash function */
    h = mix(h, n);
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (stat(paths[i], &st) < 0)
            return NERC_EIO;
        h = mix_bytes(h, paths[i], strlen(paths[i]));
        h = mix(h, (uint64_t)st.st_dev);
        h = mix(h, (uint64_t)st.st_ino);
        h = mix(h, (uint64_t)st.st_size);
        h = mix(h, (uint64_t)st.st_mtim.tv_sec);
        h = mix(h, (uint64_t)st.st_mtim.tv_nsec);
    }
    *out = h;
    return 0;
}

int cache_image_path(char *out, size_t outlen, const char *dir, const char *kind,
                     uint64_t fingerprint)
{
    int n = snprintf(out, outlen, "%s/%s-%016llx.img", dir, kind,
                     (unsigned long long)fingerprint);
    return n < 0 || (size_t)n >= outlen ? NERC_EARG : 0;
}

/* mkdir -p for dir. */
static int make_dirs(const char *dir)
{
    char path[4096];
    size_t n = strlen(dir);
    if (n == 0 || n >= sizeof path)
        return NERC_EARG;
    memcpy(path, dir, n + 1);
    for (size_t i = 1; i <= n; i++) {
        if (path[i] != '/' && path[i] != '\0')
            continue;
        char c = path[i];
        path[i] = '\0';
        if (mkdir(path, 0755) < 0 && errno != EEXIST)
            return NERC_EIO;
        path[i] = c;
    }
    return 0;
}

int cache_create_temp(const char *dir, char *tmp, size_t tmplen)
{
    int rc = make_dirs(dir);
    if (rc < 0)
        return rc;
    int n = snprintf(tmp, tmplen, "%s/.image-XXXXXX", dir);
    if (n < 0 || (size_t)n >= tmplen)
        return NERC_EARG;
    int fd = mkstemp(tmp);
    if (fd < 0)
        return NERC_EIO;
    fchmod(fd, 0644); /* mkstemp makes it 0600; others sharing the cache may read it */
    return fd;
}

int cache_commit(int fd, const char *tmp, const char *final, int ok)
{
    if (close(fd) < 0)
        ok = 0;
    if (ok && rename(tmp, final) == 0)
        return 0;
    unlink(tmp);
    return NERC_EIO;
}

int cache_map(const char *path, const void **base, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NERC_EIO;
    struct stat st;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
        (uintmax_t)st.st_size > SIZE_MAX) {
        close(fd);
        return NERC_EFORMAT;
    }
    void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (p == MAP_FAILED)
        return NERC_EIO;
    *base = p;
    *len = (size_t)st.st_size;
    return 0;
}

void cache_unmap(const void *base, size_t len)
{
    if (base)
        munmap((void *)base, len);
}

int cache_write_all(int fd, const void *p, size_t n)
{
    const char *c = p;
    while (n) {
        ssize_t w = write(fd, c, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return NERC_EIO;
        c += w;
        n -= (size_t)w;
    }
    return 0;
}
