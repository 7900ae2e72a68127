/* Fast scanner for WhatsApp .txt exports (optional accelerator for openup.chats.whatsapp).
 *
 * It reads UTF-8 bytes, finds header lines of ONE layout decided in Python (bracket, date separator,
 * year digits, seconds, 12 h, closer), and emits one row per message into columns:
 * naive epoch seconds, header line number, sender index, kind code and the text as a byte range of
 * the (validated UTF-8) input.
 * Every rule mirrors the regex path in whatsapp/reader.py; whenever the bytes could be read differently by
 * Python's regex (a non-ASCII Unicode digit where a digit may stand) or are not valid UTF-8, scan()
 * reports status 1 and the caller re-reads the file with the pure-Python parser.
 *
 * C99, no dependencies; every read is bounds-checked against the line end.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define K_TEXT 0
#define K_SYSTEM 4
#define K_CLASSIFY 7

/* ---- growable byte buffer ------------------------------------------------------------------------ */

typedef struct {
    char *data;
    Py_ssize_t len, cap;
} Buf;

static int buf_reserve(Buf *b, Py_ssize_t extra) {
    if (b->len + extra <= b->cap) return 0;
    Py_ssize_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + extra) {
        if (cap > PY_SSIZE_T_MAX / 2) {
            PyErr_NoMemory();
            return -1;
        }
        cap *= 2;
    }
    char *p = PyMem_Realloc(b->data, (size_t)cap);
    if (p == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    b->data = p;
    b->cap = cap;
    return 0;
}

static int buf_add(Buf *b, const void *src, Py_ssize_t n) {
    if (buf_reserve(b, n) < 0) return -1;
    memcpy(b->data + b->len, src, (size_t)n);
    b->len += n;
    return 0;
}

static void buf_free(Buf *b) {
    PyMem_Free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

/* ---- character classes (UTF-8) ------------------------------------------------------------------- */

typedef const unsigned char uc;

/* Length of a bidi/format mark at s[i] (U+200E/F, U+202A-E, U+2066-9, U+FEFF), else 0. */
static int bidi_len(uc *s, Py_ssize_t i, Py_ssize_t e) {
    if (i + 3 > e) return 0;
    if (s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0x8E || s[i + 2] == 0x8F || (s[i + 2] >= 0xAA && s[i + 2] <= 0xAE)))
        return 3;
    if (s[i] == 0xE2 && s[i + 1] == 0x81 && s[i + 2] >= 0xA6 && s[i + 2] <= 0xA9) return 3;
    if (s[i] == 0xEF && s[i + 1] == 0xBB && s[i + 2] == 0xBF) return 3;
    return 0;
}

/* Length of one of " ", U+202F, U+00A0 at s[i], else 0. */
static int space_len(uc *s, Py_ssize_t i, Py_ssize_t e) {
    if (i >= e) return 0;
    if (s[i] == ' ') return 1;
    if (i + 2 <= e && s[i] == 0xC2 && s[i + 1] == 0xA0) return 2;
    if (i + 3 <= e && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0xAF) return 3;
    return 0;
}

/* Length of "-", U+2013 or U+2014 at s[i], else 0. */
static int dash_len(uc *s, Py_ssize_t i, Py_ssize_t e) {
    if (i >= e) return 0;
    if (s[i] == '-') return 1;
    if (i + 3 <= e && s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0x93 || s[i + 2] == 0x94)) return 3;
    return 0;
}

/* Decode one UTF-8 code point at s[i]; returns its length or 0 when the bytes are not valid. */
static int decode_cp(uc *s, Py_ssize_t i, Py_ssize_t e, Py_UCS4 *cp) {
    if (i >= e) return 0;
    unsigned c = s[i];
    int n;
    Py_UCS4 v;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        v = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        v = c & 0x07;
    } else {
        return 0;
    }
    if (i + n > e) return 0;
    for (int k = 1; k < n; k++) {
        if ((s[i + k] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i + k] & 0x3F);
    }
    *cp = v;
    return n;
}

/* A digit run of at most `maxn` ASCII digits at s[i]. Sets *unsure when the run stops at a non-ASCII
 * Unicode decimal digit, which Python's \d would have taken. Returns the number of digits. */
static int digit_run(uc *s, Py_ssize_t i, Py_ssize_t e, int maxn, long *val, int *unsure) {
    int n = 0;
    long v = 0;
    while (n < maxn && i + n < e && s[i + n] >= '0' && s[i + n] <= '9') {
        v = v * 10 + (s[i + n] - '0');
        n++;
    }
    if (n < maxn && i + n < e && s[i + n] >= 0x80) {
        Py_UCS4 cp;
        if (decode_cp(s, i + n, e, &cp) && Py_UNICODE_ISDECIMAL(cp)) *unsure = 1;
    }
    *val = v;
    return n;
}

/* ---- byte-string hash table (sender prefixes, exact kind markers) ------------------------------------ */

typedef struct {
    Py_ssize_t off, len; /* key bytes in the arena; slot empty when len < 0 */
    uint64_t hash;
    int value;
} Entry;

typedef struct {
    Entry *slots;
    Py_ssize_t cap, used;
    Buf arena;
} Table;

static uint64_t fnv(uc *s, Py_ssize_t n) {
    uint64_t h = 1469598103934665603ULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* Slot of a key: where it is, or the empty slot where it belongs. */
static Py_ssize_t table_slot(const Table *t, uc *key, Py_ssize_t n, uint64_t h) {
    Py_ssize_t mask = t->cap - 1;
    Py_ssize_t i = (Py_ssize_t)(h & (uint64_t)mask);
    for (;;) {
        const Entry *en = &t->slots[i];
        if (en->len < 0) return i;
        if (en->hash == h && en->len == n && memcmp(t->arena.data + en->off, key, (size_t)n) == 0) return i;
        i = (i + 1) & mask;
    }
}

static int table_grow(Table *t) {
    Py_ssize_t ncap = t->cap ? t->cap * 2 : 64;
    Entry *old = t->slots;
    Py_ssize_t ocap = t->cap;
    Entry *fresh = PyMem_Calloc((size_t)ncap, sizeof(Entry));
    if (fresh == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < ncap; i++) fresh[i].len = -1;
    t->slots = fresh;
    t->cap = ncap;
    for (Py_ssize_t i = 0; i < ocap; i++) {
        if (old[i].len >= 0) t->slots[table_slot(t, (uc *)t->arena.data + old[i].off, old[i].len, old[i].hash)] = old[i];
    }
    PyMem_Free(old);
    return 0;
}

/* The value stored for a key, or `missing`. */
static int table_get(const Table *t, uc *key, Py_ssize_t n, int missing) {
    if (t->cap == 0) return missing;
    Py_ssize_t i = table_slot(t, key, n, fnv(key, n));
    return t->slots[i].len >= 0 ? t->slots[i].value : missing;
}

static int table_put(Table *t, uc *key, Py_ssize_t n, int value) {
    if ((t->used + 1) * 2 > t->cap && table_grow(t) < 0) return -1;
    uint64_t h = fnv(key, n);
    Py_ssize_t i = table_slot(t, key, n, h);
    if (t->slots[i].len < 0) {
        Py_ssize_t off = t->arena.len;
        if (buf_add(&t->arena, key, n) < 0) return -1;
        t->slots[i].off = off;
        t->slots[i].len = n;
        t->slots[i].hash = h;
        t->used++;
    }
    t->slots[i].value = value;
    return 0;
}

static void table_free(Table *t) {
    PyMem_Free(t->slots);
    t->slots = NULL;
    t->cap = t->used = 0;
    buf_free(&t->arena);
}

/* ---- scan state ------------------------------------------------------------------------------------ */

typedef struct {
    /* layout */
    int bracket, ymd, ydig, seconds, ampm, dayfirst;
    unsigned char ds, closer;
    PyObject *author_cb;   /* prefix str -> int sender index or -1 */
    PyObject *colon_names; /* tuple of bytes */
    Table authors;         /* prefix bytes -> sender index or -1 */
    Table exact;           /* marker text bytes -> kind code */
    Py_ssize_t exact_min, exact_max;
    /* output columns (bytearrays sized for the worst case, trimmed at the end) */
    int64_t *ts, *line, *tstart;
    int32_t *sender, *tlen;
    unsigned char *kind;
    Py_ssize_t rows, cap;
    int sorted;
} Scanner;

typedef struct {
    int64_t ts;
    Py_ssize_t rest; /* offset where the text after the header starts */
} Header;

/* ---- dates ---------------------------------------------------------------------------------------- */

static int leap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int valid_date(long y, long m, long d) {
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return 0;
    int md = mdays[m - 1] + (m == 2 && leap(y));
    return d <= md;
}

/* Days since 1970-01-01 (proleptic Gregorian). */
static int64_t days_from_civil(long y, long m, long d) {
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* ---- header matching ------------------------------------------------------------------------------ */

/* The part after the date's last number: \.? ,? [sp]? time ampm closer. Returns 1 and fills
 * *rest/hms on a match, else 0. */
static int match_tail(Scanner *sc, uc *s, Py_ssize_t i, Py_ssize_t e, long *hh, long *mi, long *se, int *pm,
                      Py_ssize_t *rest, int *unsure) {
    int k;
    if (i < e && s[i] == '.') i++;
    if (i < e && s[i] == ',') i++;
    i += space_len(s, i, e);
    long v;
    int n = digit_run(s, i, e, 2, &v, unsure);
    if (n == 0) return 0;
    i += n;
    *hh = v;
    if (i >= e || s[i] != ':') return 0;
    i++;
    if (digit_run(s, i, e, 2, &v, unsure) != 2) return 0;
    i += 2;
    *mi = v;
    *se = 0;
    if (sc->seconds) {
        if (i >= e || s[i] != ':') return 0;
        i++;
        if (digit_run(s, i, e, 2, &v, unsure) != 2) return 0;
        i += 2;
        *se = v;
    }
    *pm = 0;
    if (sc->ampm) {
        i += space_len(s, i, e);
        if (i >= e) return 0;
        unsigned c = s[i];
        if (c == 'A' || c == 'a')
            *pm = 1;
        else if (c == 'P' || c == 'p')
            *pm = 2;
        else
            return 0;
        i++;
        if (i < e && s[i] == '.') i++;
        i += space_len(s, i, e);
        if (i >= e || (s[i] != 'M' && s[i] != 'm')) return 0;
        i++;
        if (i < e && s[i] == '.') i++;
    }
    if (sc->closer == ']') {
        if (i >= e || s[i] != ']') return 0;
        i++;
        i += space_len(s, i, e);
    } else if (sc->closer == '-') {
        i += space_len(s, i, e);
        k = dash_len(s, i, e);
        if (!k) return 0;
        i += k;
        k = space_len(s, i, e);
        if (!k) return 0;
        i += k;
    } else {
        if (i >= e || s[i] != ':') return 0;
        i++;
        k = space_len(s, i, e);
        if (!k) return 0;
        i += k;
    }
    *rest = i;
    return 1;
}

/* The date separator at s[*i], then at most one space; advances *i. 0 when the separator is missing. */
static int date_sep(const Scanner *sc, uc *s, Py_ssize_t *i, Py_ssize_t e) {
    if (*i >= e || s[*i] != sc->ds) return 0;
    (*i)++;
    if (*i < e && s[*i] == ' ') (*i)++;
    return 1;
}

/* Match a header at s[p:e]. Returns 1 (valid header), 2 (header shape with an impossible date or time),
 * 0 (no header) or -1 (unsure: let Python's regex decide). */
static int match_header(Scanner *sc, uc *s, Py_ssize_t p, Py_ssize_t e, Header *out) {
    Py_ssize_t i = p;
    int k, unsure = 0, n;
    long a, b, c, hh = 0, mi = 0, se = 0;
    int pm = 0;
    Py_ssize_t rest = 0;
    int ok = 0;
    while ((k = bidi_len(s, i, e)) != 0) i += k;
    if (sc->bracket) {
        if (i >= e || s[i] != '[') return 0;
        i++;
    }
    if (sc->ymd) {
        if (digit_run(s, i, e, 4, &a, &unsure) != 4) goto done;
        i += 4;
        if (!date_sep(sc, s, &i, e)) goto done;
        n = digit_run(s, i, e, 2, &b, &unsure);
        if (n == 0) goto done;
        i += n;
        if (!date_sep(sc, s, &i, e)) goto done;
        n = digit_run(s, i, e, 2, &c, &unsure);
        /* \d{1,2} backtracks: the regex may give the day one digit when the time follows unseparated. */
        for (; n >= 1; n--) {
            if (match_tail(sc, s, i + n, e, &hh, &mi, &se, &pm, &rest, &unsure)) {
                if (n == 1) c = s[i] - '0';
                ok = 1;
                break;
            }
        }
    } else {
        n = digit_run(s, i, e, 2, &a, &unsure);
        if (n == 0) goto done;
        i += n;
        if (!date_sep(sc, s, &i, e)) goto done;
        n = digit_run(s, i, e, 2, &b, &unsure);
        if (n == 0) goto done;
        i += n;
        if (!date_sep(sc, s, &i, e)) goto done;
        if (digit_run(s, i, e, sc->ydig, &c, &unsure) != sc->ydig) goto done;
        i += sc->ydig;
        ok = match_tail(sc, s, i, e, &hh, &mi, &se, &pm, &rest, &unsure);
    }
done:
    if (unsure) return -1;
    if (!ok) return 0;
    long y, mo, d;
    if (sc->ymd) {
        y = a;
        mo = b;
        d = c;
    } else {
        y = sc->ydig == 2 ? (c < 70 ? 2000 + c : 1900 + c) : c;
        if (sc->dayfirst) {
            mo = b;
            d = a;
        } else {
            mo = a;
            d = b;
        }
    }
    if (pm == 2) {
        if (hh < 12) hh += 12;
    } else if (pm == 1 && hh == 12) {
        hh = 0;
    }
    if (!valid_date(y, mo, d) || hh > 23 || mi > 59 || se > 59) return 2;
    out->ts = days_from_civil(y, mo, d) * 86400 + hh * 3600 + mi * 60 + se;
    out->rest = rest;
    return 1;
}

/* ---- UTF-8 validation ----------------------------------------------------------------------------- */

/* 1 when s[0:n] is valid UTF-8 (as Python's strict decoder judges it), else 0. */
static int valid_utf8(uc *s, Py_ssize_t n) {
    Py_ssize_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if ((w & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        Py_ssize_t k;
        if (c >= 0xC2 && c <= 0xDF) {
            k = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            if (i + 1 >= n) return 0;
            unsigned d = s[i + 1];
            if ((c == 0xE0 && d < 0xA0) || (c == 0xED && d > 0x9F)) return 0; /* overlong, surrogates */
            k = 2;
        } else if (c >= 0xF0 && c <= 0xF4) {
            if (i + 1 >= n) return 0;
            unsigned d = s[i + 1];
            if ((c == 0xF0 && d < 0x90) || (c == 0xF4 && d > 0x8F)) return 0;
            k = 3;
        } else {
            return 0;
        }
        if (i + k >= n) return 0;
        for (Py_ssize_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xC0) != 0x80) return 0;
        }
        i += k + 1;
    }
    return 1;
}

/* ---- one message -------------------------------------------------------------------------------- */

static Py_ssize_t find_colon_space(uc *s, Py_ssize_t i, Py_ssize_t e) {
    while (i + 1 < e) {
        const unsigned char *q = memchr(s + i, ':', (size_t)(e - 1 - i));
        if (q == NULL) return -1;
        i = q - s;
        if (s[i + 1] == ' ') return i;
        i++;
    }
    return -1;
}

static int ends_with(uc *s, Py_ssize_t a, Py_ssize_t e, const char *lit) {
    Py_ssize_t n = (Py_ssize_t)strlen(lit);
    return e - a >= n && memcmp(s + e - n, lit, (size_t)n) == 0;
}

static int contains(uc *s, Py_ssize_t a, Py_ssize_t e, const char *lit) {
    Py_ssize_t n = (Py_ssize_t)strlen(lit);
    for (Py_ssize_t i = a; i + n <= e; i++) {
        if (s[i] == (unsigned char)lit[0] && memcmp(s + i, lit, (size_t)n) == 0) return 1;
    }
    return 0;
}

/* Sender index of a name prefix, asking Python the first time (-1: not a name). -3 on a Python error. */
static int author_of(Scanner *sc, uc *key, Py_ssize_t n) {
    int v = table_get(&sc->authors, key, n, -2);
    if (v != -2) return v;
    PyObject *name = PyUnicode_DecodeUTF8((const char *)key, n, "strict");
    if (name == NULL) return -3;
    PyObject *r = PyObject_CallOneArg(sc->author_cb, name);
    Py_DECREF(name);
    if (r == NULL) return -3;
    long lv = PyLong_AsLong(r);
    Py_DECREF(r);
    if (lv == -1 && PyErr_Occurred()) return -3;
    if (lv < -1 || lv > INT32_MAX) {
        PyErr_SetString(PyExc_ValueError, "author callback must return an index or -1");
        return -3;
    }
    if (table_put(&sc->authors, key, n, (int)lv) < 0) return -3;
    return (int)lv;
}

/* Add the row for the message whose header line ends at `heol` and whose text ends at `end`. */
static int emit(Scanner *sc, uc *s, const Header *h, Py_ssize_t heol, Py_ssize_t end, int64_t lineno) {
    Py_ssize_t r0 = h->rest, tstart = h->rest;
    int sender = -1;
    Py_ssize_t i = find_colon_space(s, r0, heol);
    if (i > r0) {
        Py_ssize_t name_end = i;
        Py_ssize_t nc = PyTuple_GET_SIZE(sc->colon_names);
        for (Py_ssize_t j = 0; j < nc; j++) {
            PyObject *cn = PyTuple_GET_ITEM(sc->colon_names, j);
            Py_ssize_t cl = PyBytes_GET_SIZE(cn);
            if (heol - r0 >= cl + 2 && memcmp(s + r0, PyBytes_AS_STRING(cn), (size_t)cl) == 0 &&
                s[r0 + cl] == ':' && s[r0 + cl + 1] == ' ') {
                name_end = r0 + cl;
                break;
            }
        }
        int v = author_of(sc, s + r0, name_end - r0);
        if (v == -3) return -1;
        if (v >= 0) {
            sender = v;
            tstart = name_end + 2;
        }
    } else if (heol > r0 && s[heol - 1] == ':') {
        /* "Name:" alone on the header line: a name only if it was seen before as "Name: ..." */
        int v = table_get(&sc->authors, s + r0, heol - 1 - r0, -1);
        if (v >= 0) {
            sender = v;
            tstart = heol + 1;
        }
    }
    if (tstart > end) tstart = end;
    Py_ssize_t n = end - tstart;
    if (n > INT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "message longer than 2 GiB");
        return -1;
    }
    unsigned char kind = K_SYSTEM;
    if (sender >= 0) {
        kind = K_TEXT;
        int k = n >= sc->exact_min && n <= sc->exact_max ? table_get(&sc->exact, s + tstart, n, -1) : -1;
        if (k >= 0) {
            kind = (unsigned char)k;
        } else if (n > 0) {
            unsigned first = s[tstart], last = s[end - 1];
            if (first == '<' || last == '>' || last == ')' || bidi_len(s, tstart, end))
                kind = K_CLASSIFY;
            else if (first < 0x80 && strchr("0123456789IPVAS", (int)first) != NULL &&
                     (ends_with(s, tstart, end, "Tap to call back") || contains(s, tstart, end, " (")))
                kind = K_CLASSIFY;
        }
    }
    Py_ssize_t r = sc->rows;
    if (r >= sc->cap) {
        PyErr_SetString(PyExc_RuntimeError, "row capacity exceeded");
        return -1;
    }
    sc->ts[r] = h->ts;
    sc->line[r] = lineno;
    sc->sender[r] = sender;
    sc->kind[r] = kind;
    sc->tstart[r] = tstart;
    sc->tlen[r] = (int32_t)n;
    if (r > 0 && h->ts < sc->ts[r - 1]) sc->sorted = 0;
    sc->rows++;
    return 0;
}

/* ---- scan() -------------------------------------------------------------------------------------- */

static PyObject *new_column(Py_ssize_t n, Py_ssize_t item, void *out) {
    PyObject *ba = PyByteArray_FromStringAndSize(NULL, n * item + 1);
    if (ba != NULL) *(char **)out = PyByteArray_AS_STRING(ba);
    return ba;
}

static PyObject *scan(PyObject *Py_UNUSED(self), PyObject *args, PyObject *kwds) {
    static char *kwlist[] = {"data", "bracket", "date_sep", "ymd", "year_digits", "seconds", "ampm", "closer",
                             "dayfirst", "author", "exact", "colon_names", NULL};
    Py_buffer view;
    int ds, closer;
    PyObject *exact;
    Scanner sc;
    memset(&sc, 0, sizeof sc);
    sc.sorted = 1;
    sc.exact_min = PY_SSIZE_T_MAX;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*$pCpippCpOO!O!", kwlist, &view, &sc.bracket, &ds, &sc.ymd,
                                     &sc.ydig, &sc.seconds, &sc.ampm, &closer, &sc.dayfirst, &sc.author_cb,
                                     &PyDict_Type, &exact, &PyTuple_Type, &sc.colon_names))
        return NULL;
    PyObject *cols[6] = {NULL, NULL, NULL, NULL, NULL, NULL};
    PyObject *result = NULL;
    uc *s = view.buf;
    Py_ssize_t len = view.len;
    int status = 0;
    long long bad = 0;
    Py_ssize_t first = -1;
    if (ds <= 0 || ds > 127 || (closer != ']' && closer != '-' && closer != ':') || sc.ydig < 1 || sc.ydig > 4) {
        PyErr_SetString(PyExc_ValueError, "unsupported layout");
        goto out;
    }
    sc.ds = (unsigned char)ds;
    sc.closer = (unsigned char)closer;
    if (!PyCallable_Check(sc.author_cb)) {
        PyErr_SetString(PyExc_TypeError, "author must be callable");
        goto out;
    }
    for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(sc.colon_names); j++) {
        if (!PyBytes_Check(PyTuple_GET_ITEM(sc.colon_names, j))) {
            PyErr_SetString(PyExc_TypeError, "colon_names must be bytes");
            goto out;
        }
    }
    {
        PyObject *key, *value;
        Py_ssize_t pos = 0;
        while (PyDict_Next(exact, &pos, &key, &value)) {
            Py_ssize_t n;
            const char *u = PyUnicode_Check(key) ? PyUnicode_AsUTF8AndSize(key, &n) : NULL;
            long code = PyLong_Check(value) ? PyLong_AsLong(value) : -1;
            if (u == NULL || code < 0 || code > 255) {
                if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "exact must map str to a kind code");
                goto out;
            }
            if (n == 0) continue;
            if (table_put(&sc.exact, (uc *)u, n, (int)code) < 0) goto out;
            if (n < sc.exact_min) sc.exact_min = n;
            if (n > sc.exact_max) sc.exact_max = n;
        }
    }
    if (!valid_utf8(s, len)) {
        status = 1;
        goto finish;
    }
    /* at most one row per line */
    Py_ssize_t lines = 1;
    for (const unsigned char *q = s; (q = memchr(q, '\n', (size_t)(s + len - q))) != NULL; q++) lines++;
    sc.cap = lines;
    if (!(cols[0] = new_column(lines, 8, &sc.ts)) || !(cols[1] = new_column(lines, 8, &sc.line)) ||
        !(cols[2] = new_column(lines, 4, &sc.sender)) || !(cols[3] = new_column(lines, 1, &sc.kind)) ||
        !(cols[4] = new_column(lines, 8, &sc.tstart)) || !(cols[5] = new_column(lines, 4, &sc.tlen)))
        goto out;
    {
        int have = 0;
        Header cur = {0, 0};
        Py_ssize_t cur_eol = 0;
        int64_t cur_line = 0, lineno = 1;
        Py_ssize_t p = 0;
        while (p < len) {
            const unsigned char *nl = memchr(s + p, '\n', (size_t)(len - p));
            Py_ssize_t eol = nl ? nl - s : len;
            Header h;
            int r = match_header(&sc, s, p, eol, &h);
            if (r == -1) {
                status = 1;
                goto finish;
            }
            if (r == 2) bad++;
            if (r == 1) {
                if (have) {
                    if (emit(&sc, s, &cur, cur_eol, p - 1, cur_line) < 0) goto out;
                } else {
                    first = p;
                }
                have = 1;
                cur = h;
                cur_eol = eol;
                cur_line = lineno;
            }
            lineno++;
            if (nl == NULL) break;
            p = eol + 1;
        }
        if (have) {
            Py_ssize_t tend = len;
            if (tend > cur.rest && s[tend - 1] == '\n') tend--;
            if (emit(&sc, s, &cur, cur_eol, tend, cur_line) < 0) goto out;
        }
    }
finish:
    if (status) sc.rows = 0;
    {
        static const Py_ssize_t item[6] = {8, 8, 4, 1, 8, 4};
        for (int j = 0; j < 6; j++) {
            if (cols[j] == NULL) {
                cols[j] = PyByteArray_FromStringAndSize(NULL, 0);
                if (cols[j] == NULL) goto out;
            } else if (PyByteArray_Resize(cols[j], sc.rows * item[j]) < 0) {
                goto out;
            }
        }
    }
    result = Py_BuildValue("(OOOOOO)nLiO", cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], first, bad, status,
                           sc.sorted ? Py_True : Py_False);
out:
    for (int j = 0; j < 6; j++) Py_XDECREF(cols[j]);
    table_free(&sc.authors);
    table_free(&sc.exact);
    PyBuffer_Release(&view);
    return result;
}

/* ---- helpers over columns ----------------------------------------------------------------------- */

/* argsort(int64 keys) -> int64 row order, stable (equal keys keep their order). */
static PyObject *argsort(PyObject *Py_UNUSED(self), PyObject *arg) {
    Py_buffer kb;
    if (PyObject_GetBuffer(arg, &kb, PyBUF_SIMPLE) < 0) return NULL;
    if (kb.len % 8) {
        PyBuffer_Release(&kb);
        PyErr_SetString(PyExc_ValueError, "keys must be int64");
        return NULL;
    }
    Py_ssize_t n = kb.len / 8;
    const char *kp = kb.buf;
    PyObject *out = PyByteArray_FromStringAndSize(NULL, n * 8 + 1);
    int64_t *tmp = PyMem_Malloc((size_t)(n + 1) * 8);
    int64_t *key = PyMem_Malloc((size_t)(n + 1) * 8);
    if (out == NULL || tmp == NULL || key == NULL) {
        Py_XDECREF(out);
        PyMem_Free(tmp);
        PyMem_Free(key);
        PyBuffer_Release(&kb);
        return PyErr_NoMemory();
    }
    memcpy(key, kp, (size_t)n * 8);
    PyBuffer_Release(&kb);
    int64_t *a = (int64_t *)PyByteArray_AS_STRING(out), *b = tmp;
    for (Py_ssize_t i = 0; i < n; i++) a[i] = i;
    /* insertion sort in blocks of 32, then bottom-up merges that skip pairs already in order */
    const Py_ssize_t run = 32;
    for (Py_ssize_t lo = 0; lo < n; lo += run) {
        Py_ssize_t hi = lo + run < n ? lo + run : n;
        for (Py_ssize_t i = lo + 1; i < hi; i++) {
            int64_t v = a[i];
            Py_ssize_t j = i;
            while (j > lo && key[a[j - 1]] > key[v]) {
                a[j] = a[j - 1];
                j--;
            }
            a[j] = v;
        }
    }
    for (Py_ssize_t width = run; width < n; width *= 2) {
        for (Py_ssize_t lo = 0; lo < n; lo += 2 * width) {
            Py_ssize_t mid = lo + width < n ? lo + width : n;
            Py_ssize_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            if (mid >= hi || key[a[mid - 1]] <= key[a[mid]]) {
                memcpy(b + lo, a + lo, (size_t)(hi - lo) * 8);
                continue;
            }
            Py_ssize_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) b[k++] = key[a[j]] < key[a[i]] ? a[j++] : a[i++];
            while (i < mid) b[k++] = a[i++];
            while (j < hi) b[k++] = a[j++];
        }
        int64_t *t = a;
        a = b;
        b = t;
    }
    if (a != (int64_t *)PyByteArray_AS_STRING(out)) memcpy(PyByteArray_AS_STRING(out), a, (size_t)n * 8);
    PyMem_Free(tmp);
    PyMem_Free(key);
    if (PyByteArray_Resize(out, n * 8) < 0) {
        Py_DECREF(out);
        return NULL;
    }
    return out;
}

/* gather(column bytes, itemsize, order int64 bytes) -> bytearray with the rows in that order. */
static PyObject *gather(PyObject *Py_UNUSED(self), PyObject *args) {
    Py_buffer cb, ob;
    Py_ssize_t item;
    if (!PyArg_ParseTuple(args, "y*ny*", &cb, &item, &ob)) return NULL;
    PyObject *out = NULL;
    Py_ssize_t rows = item > 0 ? cb.len / item : -1;
    if (item <= 0 || cb.len % item || ob.len != rows * 8) {
        PyErr_SetString(PyExc_ValueError, "column and order sizes differ");
        goto done;
    }
    out = PyByteArray_FromStringAndSize(NULL, cb.len + 1);
    if (out == NULL) goto done;
    char *dst = PyByteArray_AS_STRING(out);
    const char *src = cb.buf;
    const char *op = ob.buf;
    for (Py_ssize_t r = 0; r < rows; r++) {
        int64_t i;
        memcpy(&i, op + r * 8, 8);
        if (i < 0 || i >= rows) {
            Py_CLEAR(out);
            PyErr_SetString(PyExc_IndexError, "order out of range");
            goto done;
        }
        memcpy(dst + r * item, src + i * item, (size_t)item);
    }
    if (PyByteArray_Resize(out, cb.len) < 0) Py_CLEAR(out);
done:
    PyBuffer_Release(&cb);
    PyBuffer_Release(&ob);
    return out;
}

/* sender_stats(sender int32 bytes, kind int8 bytes, n_names) -> (first_row list, count list), over rows
 * that have a sender and are not system notices. */
static PyObject *sender_stats(PyObject *Py_UNUSED(self), PyObject *args) {
    Py_buffer sb, kb;
    Py_ssize_t nn;
    if (!PyArg_ParseTuple(args, "y*y*n", &sb, &kb, &nn)) return NULL;
    PyObject *firsts = NULL, *counts = NULL;
    Py_ssize_t rows = sb.len / 4;
    Py_ssize_t *first = NULL, *count = NULL;
    if (nn < 0 || kb.len != rows || sb.len % 4) {
        PyErr_SetString(PyExc_ValueError, "column sizes differ");
        goto out;
    }
    first = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(nn + 1));
    count = PyMem_Calloc((size_t)(nn + 1), sizeof(Py_ssize_t));
    if (first == NULL || count == NULL) {
        PyErr_NoMemory();
        goto out;
    }
    for (Py_ssize_t j = 0; j < nn; j++) first[j] = -1;
    const char *snd = sb.buf;
    const unsigned char *knd = kb.buf;
    for (Py_ssize_t r = 0; r < rows; r++) {
        int32_t v;
        memcpy(&v, snd + r * 4, 4);
        if (v < 0 || v >= nn || knd[r] == K_SYSTEM) continue;
        if (first[v] < 0) first[v] = r;
        count[v]++;
    }
    firsts = PyList_New(nn);
    counts = PyList_New(nn);
    if (firsts == NULL || counts == NULL) {
        Py_CLEAR(firsts);
        goto out;
    }
    for (Py_ssize_t j = 0; j < nn; j++) {
        PyObject *a = PyLong_FromSsize_t(first[j]), *b = PyLong_FromSsize_t(count[j]);
        if (a == NULL || b == NULL) {
            Py_XDECREF(a);
            Py_XDECREF(b);
            Py_CLEAR(firsts);
            goto out;
        }
        PyList_SET_ITEM(firsts, j, a);
        PyList_SET_ITEM(counts, j, b);
    }
out:
    PyMem_Free(first);
    PyMem_Free(count);
    PyBuffer_Release(&sb);
    PyBuffer_Release(&kb);
    if (firsts == NULL) {
        Py_XDECREF(counts);
        return NULL;
    }
    return Py_BuildValue("NN", firsts, counts);
}

static PyMethodDef module_methods[] = {
    {"scan", (PyCFunction)(void (*)(void))scan, METH_VARARGS | METH_KEYWORDS,
     "scan(data, *, layout fields, dayfirst, author, exact, colon_names) -> ((ts, line, sender, kind, tstart, tlen), "
     "first_header, bad_dates, status, in_order)"},
    {"argsort", argsort, METH_O, "argsort(int64 keys) -> int64 order (stable)"},
    {"gather", gather, METH_VARARGS, "gather(column, itemsize, order) -> column in that order"},
    {"sender_stats", sender_stats, METH_VARARGS, "sender_stats(sender, kind, n_names) -> (first_rows, counts)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT, "_wascan", "Fast WhatsApp export scanner (optional).", -1, module_methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__wascan(void) { return PyModule_Create(&moduledef); }
