/* Row text for `openup import --out`: one call writes a block of rows, each the concatenation of the same
 * list of pieces (optional; Python falls back to writing one row at a time without it).
 *
 * rows(pieces, n, with_offsets=False) -> bytes, or (bytes, int64 row offsets as bytearray)
 *
 * Each piece is a tuple that yields some bytes for every row i in [0, n):
 *   (0, text)                       the same bytes for every row
 *   (1, table, codes, itemsize)     table[codes[i]]; table a tuple of bytes, codes uint8 (itemsize 1) or int32 (4);
 *                                   a negative code reads the last entry (a sender of -1: no sender)
 *   (2, data, width)                data[i*width : (i+1)*width]
 *   (3, data, start, size, mode, alt)
 *                                   data[start[i] : start[i]+size[i]] (start int64, size int32); a negative start
 *                                   reads alt[-start[i]-1 : ...] instead. mode 0 copies the bytes, mode 1 writes
 *                                   them as a JSON string (quoted, escaped as json.dumps(ensure_ascii=False) does),
 *                                   mode 2 as a CSV field (quoted, quotes doubled, when it holds , " \r or \n)
 *   (4, values)                     values[i] (int64) in decimal
 *   (5, seconds, flags)             seconds[i] (int64, since 1970-01-01) as datetime.isoformat() writes a whole
 *                                   second, "YYYY-MM-DDTHH:MM:SS" (years 1 to 9999); with flags (uint8 per row,
 *                                   or None), a row whose flag is 0 writes nothing
 * Every index is checked: a code, range or buffer size out of bounds raises ValueError, never reads past it.
 * The rows are written without holding the GIL (other Python threads run meanwhile), and never past the
 * length the first pass measured.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

enum { P_CONST = 0, P_TABLE = 1, P_FIXED = 2, P_RANGE = 3, P_INT = 4, P_ISO = 5 };
enum { M_RAW = 0, M_JSON = 1, M_CSV = 2 };
enum { OUT_OF_TABLE = -1, OUT_OF_BUFFER = -2, TOO_LONG = -3, BAD_TIME = -4 };
#define ISO_WIDTH 19
#define MIN_SECONDS (-62135596800LL) /* 0001-01-01T00:00:00 */
#define MAX_SECONDS 253402300799LL   /* 9999-12-31T23:59:59 */

typedef struct {
    int kind, mode, itemsize;
    Py_ssize_t width;
    PyObject *table; /* borrowed from the pieces tuple */
    Py_buffer data, a, b, alt;
    int have_data, have_a, have_b, have_alt;
} Piece;

static const char HEX[] = "0123456789abcdef";

/* Bytes a JSON string takes for each input byte (1 as is, 2 for \" \\ \n \r \t \b \f, 6 for \u00XX); CSV_QUOTE
 * marks the bytes that make a CSV field quoted. Filled once, when the module loads. */
static unsigned char JSON_WIDTH[256];
static unsigned char CSV_QUOTE[256];

static void fill_tables(void) {
    for (int c = 0; c < 256; c++) JSON_WIDTH[c] = c < 0x20 ? 6 : 1;
    JSON_WIDTH['"'] = JSON_WIDTH['\\'] = JSON_WIDTH['\n'] = JSON_WIDTH['\r'] = 2;
    JSON_WIDTH['\t'] = JSON_WIDTH['\b'] = JSON_WIDTH['\f'] = 2;
    CSV_QUOTE[','] = CSV_QUOTE['"'] = CSV_QUOTE['\r'] = CSV_QUOTE['\n'] = 1;
}

/* Bytes a JSON string (without its quotes) takes for s[0:n]. */
static Py_ssize_t json_len(const unsigned char *s, Py_ssize_t n) {
    Py_ssize_t out = 0;
    for (Py_ssize_t i = 0; i < n; i++) out += JSON_WIDTH[s[i]];
    return out;
}

/* Write s[0:n] escaped for a JSON string at o, never past end; NULL when it does not fit. */
static char *json_put(char *o, const char *end, const unsigned char *s, Py_ssize_t n) {
    Py_ssize_t i = 0;
    while (i < n) {
        Py_ssize_t run = i;
        while (run < n && JSON_WIDTH[s[run]] == 1) run++;
        if (run - i > end - o) return NULL;
        memcpy(o, s + i, (size_t)(run - i));
        o += run - i;
        if (run == n) break;
        unsigned c = s[run];
        if (end - o < JSON_WIDTH[c]) return NULL;
        *o++ = '\\';
        switch (c) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '\n': *o++ = 'n'; break;
        case '\r': *o++ = 'r'; break;
        case '\t': *o++ = 't'; break;
        case '\b': *o++ = 'b'; break;
        case '\f': *o++ = 'f'; break;
        default:
            memcpy(o, "u00", 3);
            o[3] = HEX[c >> 4];
            o[4] = HEX[c & 15];
            o += 5;
        }
        i = run + 1;
    }
    return o;
}

/* Whether a CSV field must be quoted, and how many quote characters it holds. */
static int csv_needs(const unsigned char *s, Py_ssize_t n, Py_ssize_t *quotes) {
    int need = 0;
    Py_ssize_t q = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        need |= CSV_QUOTE[s[i]];
        q += s[i] == '"';
    }
    *quotes = q;
    return need;
}

static int digits(int64_t v, char *buf) { /* writes v in decimal at the end of buf[20]; returns the count */
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int k = 0;
    do {
        buf[19 - k++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) buf[19 - k++] = '-';
    return k;
}

/* "YYYY-MM-DDTHH:MM:SS" of seconds since 1970-01-01 (proleptic Gregorian, as datetime), at o. */
static void iso_put(int64_t t, char *o) {
    int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    int64_t sec = t - days * 86400;
    int64_t z = days + 719468; /* civil_from_days (H. Hinnant) */
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;
    int64_t y = yoe + era * 400 + (m <= 2);
    int64_t v[6] = {y, m, d, sec / 3600, sec / 60 % 60, sec % 60};
    o[0] = (char)('0' + v[0] / 1000);
    o[1] = (char)('0' + v[0] / 100 % 10);
    o[2] = (char)('0' + v[0] / 10 % 10);
    o[3] = (char)('0' + v[0] % 10);
    static const char sep[5] = {'-', '-', 'T', ':', ':'};
    for (int k = 1; k < 6; k++) {
        o[3 * k + 1] = sep[k - 1];
        o[3 * k + 2] = (char)('0' + v[k] / 10);
        o[3 * k + 3] = (char)('0' + v[k] % 10);
    }
}

static void release(Piece *p) {
    if (p->have_data) PyBuffer_Release(&p->data);
    if (p->have_a) PyBuffer_Release(&p->a);
    if (p->have_b) PyBuffer_Release(&p->b);
    if (p->have_alt) PyBuffer_Release(&p->alt);
}

static int bad(const char *what) {
    PyErr_Format(PyExc_ValueError, "rows: %s", what);
    return -1;
}

/* Read one piece tuple; checks every buffer holds n rows. */
static int parse_piece(PyObject *t, Py_ssize_t n, Piece *p) {
    memset(p, 0, sizeof *p);
    if (!PyTuple_Check(t) || PyTuple_GET_SIZE(t) < 2) return bad("a piece must be a tuple (kind, ...)");
    p->kind = (int)PyLong_AsLong(PyTuple_GET_ITEM(t, 0));
    if (p->kind == -1 && PyErr_Occurred()) return -1;
    Py_ssize_t len = PyTuple_GET_SIZE(t);
    switch (p->kind) {
    case P_CONST:
        if (len != 2 || PyObject_GetBuffer(PyTuple_GET_ITEM(t, 1), &p->data, PyBUF_SIMPLE) < 0) return bad("bad constant");
        p->have_data = 1;
        return 0;
    case P_TABLE:
        if (len != 4 || !PyTuple_Check(PyTuple_GET_ITEM(t, 1))) return bad("bad table piece");
        p->table = PyTuple_GET_ITEM(t, 1);
        for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(p->table); j++)
            if (!PyBytes_Check(PyTuple_GET_ITEM(p->table, j))) return bad("table entries must be bytes");
        p->itemsize = (int)PyLong_AsLong(PyTuple_GET_ITEM(t, 3));
        if (p->itemsize != 1 && p->itemsize != 4) return bad("codes must be uint8 or int32");
        if (PyObject_GetBuffer(PyTuple_GET_ITEM(t, 2), &p->a, PyBUF_SIMPLE) < 0) return -1;
        p->have_a = 1;
        if (p->a.len != n * p->itemsize) return bad("codes do not hold one per row");
        return 0;
    case P_FIXED:
        if (len != 3) return bad("bad fixed piece");
        p->width = PyLong_AsSsize_t(PyTuple_GET_ITEM(t, 2));
        if (p->width < 0 || PyObject_GetBuffer(PyTuple_GET_ITEM(t, 1), &p->data, PyBUF_SIMPLE) < 0) return bad("bad fixed piece");
        p->have_data = 1;
        if (p->data.len != n * p->width) return bad("fixed data does not hold one value per row");
        return 0;
    case P_RANGE:
        if (len != 6) return bad("bad range piece");
        p->mode = (int)PyLong_AsLong(PyTuple_GET_ITEM(t, 4));
        if (p->mode < M_RAW || p->mode > M_CSV) return bad("unknown mode");
        if (PyObject_GetBuffer(PyTuple_GET_ITEM(t, 1), &p->data, PyBUF_SIMPLE) < 0) return -1;
        p->have_data = 1;
        if (PyObject_GetBuffer(PyTuple_GET_ITEM(t, 2), &p->a, PyBUF_SIMPLE) < 0) return -1;
        p->have_a = 1;
        if (PyObject_GetBuffer(PyTuple_GET_ITEM(t, 3), &p->b, PyBUF_SIMPLE) < 0) return -1;
        p->have_b = 1;
        if (PyObject_GetBuffer(PyTuple_GET_ITEM(t, 5), &p->alt, PyBUF_SIMPLE) < 0) return -1;
        p->have_alt = 1;
        if (p->a.len != n * 8 || p->b.len != n * 4) return bad("starts and sizes do not hold one per row");
        return 0;
    case P_INT:
        if (len != 2 || PyObject_GetBuffer(PyTuple_GET_ITEM(t, 1), &p->a, PyBUF_SIMPLE) < 0) return bad("bad int piece");
        p->have_a = 1;
        if (p->a.len != n * 8) return bad("values do not hold one per row");
        return 0;
    case P_ISO:
        if (len != 3 || PyObject_GetBuffer(PyTuple_GET_ITEM(t, 1), &p->a, PyBUF_SIMPLE) < 0) return bad("bad time piece");
        p->have_a = 1;
        if (p->a.len != n * 8) return bad("times do not hold one per row");
        if (PyTuple_GET_ITEM(t, 2) != Py_None) {
            if (PyObject_GetBuffer(PyTuple_GET_ITEM(t, 2), &p->b, PyBUF_SIMPLE) < 0) return -1;
            p->have_b = 1;
            if (p->b.len != n) return bad("flags do not hold one per row");
        }
        return 0;
    }
    return bad("unknown piece kind");
}

/* The table entry of row i: a negative code reads the last entry; NULL when the code is past the end. */
static PyObject *entry_of(const Piece *p, Py_ssize_t i) {
    int64_t c;
    if (p->itemsize == 1) {
        c = ((const unsigned char *)p->a.buf)[i];
    } else {
        int32_t v;
        memcpy(&v, (const char *)p->a.buf + i * 4, 4);
        c = v;
    }
    Py_ssize_t size = PyTuple_GET_SIZE(p->table);
    if (c < 0) c = size - 1;
    if (c < 0 || c >= size) return NULL;
    return PyTuple_GET_ITEM(p->table, c);
}

/* Whether an ISO piece writes row i, and the time (BAD_TIME outside years 1 to 9999). */
static int iso_of(const Piece *p, Py_ssize_t i, int64_t *t) {
    if (p->have_b && ((const unsigned char *)p->b.buf)[i] == 0) return 0;
    memcpy(t, (const char *)p->a.buf + i * 8, 8);
    return *t < MIN_SECONDS || *t > MAX_SECONDS ? BAD_TIME : 1;
}

/* The bytes of row i's range, or NULL when it lies outside its buffer (no Python call: runs without the GIL). */
static const unsigned char *range_of(const Piece *p, Py_ssize_t i, Py_ssize_t *size) {
    int64_t start;
    int32_t z;
    memcpy(&start, (const char *)p->a.buf + i * 8, 8);
    memcpy(&z, (const char *)p->b.buf + i * 4, 4);
    const Py_buffer *src = start < 0 ? &p->alt : &p->data;
    if (start < 0) start = -(start + 1);
    if (z < 0 || start > src->len || z > src->len - start) return NULL;
    *size = z;
    return (const unsigned char *)src->buf + start;
}

/* Bytes piece p writes for row i: OUT_OF_TABLE or OUT_OF_BUFFER when an index is out of bounds (no Python
 * call: runs without the GIL). */
static Py_ssize_t piece_len(const Piece *p, Py_ssize_t i) {
    switch (p->kind) {
    case P_CONST:
        return p->data.len;
    case P_TABLE: {
        PyObject *e = entry_of(p, i);
        return e == NULL ? OUT_OF_TABLE : PyBytes_GET_SIZE(e);
    }
    case P_ISO: {
        int64_t t;
        int r = iso_of(p, i, &t);
        return r < 0 ? r : r * ISO_WIDTH;
    }
    case P_FIXED:
        return p->width;
    case P_RANGE: {
        Py_ssize_t z, q;
        const unsigned char *s = range_of(p, i, &z);
        if (s == NULL) return OUT_OF_BUFFER;
        if (p->mode == M_JSON) return json_len(s, z) + 2;
        if (p->mode == M_CSV && csv_needs(s, z, &q)) return z + q + 2;
        return z;
    }
    default: {
        char buf[20];
        int64_t v;
        memcpy(&v, (const char *)p->a.buf + i * 8, 8);
        return digits(v, buf);
    }
    }
}

/* Write piece p for row i at o, never past end; returns the new end of the output, or NULL when the piece
 * does not fit (only if a buffer changed after piece_len measured it). */
static char *piece_put(const Piece *p, Py_ssize_t i, char *o, const char *end) {
    const char *src;
    Py_ssize_t z;
    switch (p->kind) {
    case P_CONST:
        src = p->data.buf;
        z = p->data.len;
        break;
    case P_TABLE: {
        PyObject *e = entry_of(p, i);
        if (e == NULL) return NULL;
        src = PyBytes_AS_STRING(e);
        z = PyBytes_GET_SIZE(e);
        break;
    }
    case P_ISO: {
        int64_t t;
        int r = iso_of(p, i, &t);
        if (r < 0 || end - o < ISO_WIDTH * r) return NULL;
        if (r) iso_put(t, o);
        return o + ISO_WIDTH * r;
    }
    case P_FIXED:
        src = (const char *)p->data.buf + i * p->width;
        z = p->width;
        break;
    case P_RANGE: {
        Py_ssize_t q;
        const unsigned char *s = range_of(p, i, &z);
        if (s == NULL) return NULL;
        if (p->mode == M_JSON) {
            if (end - o < 2) return NULL;
            *o++ = '"';
            o = json_put(o, end - 1, s, z);
            if (o == NULL) return NULL;
            *o++ = '"';
            return o;
        }
        if (p->mode == M_CSV && csv_needs(s, z, &q)) {
            if (z > end - o - 2 - q) return NULL;
            *o++ = '"';
            for (Py_ssize_t k = 0; k < z; k++) {
                if (s[k] == '"') *o++ = '"';
                *o++ = (char)s[k];
            }
            *o++ = '"';
            return o;
        }
        src = (const char *)s;
        break;
    }
    default: {
        char buf[20];
        int64_t v;
        memcpy(&v, (const char *)p->a.buf + i * 8, 8);
        int k = digits(v, buf);
        if (end - o < k) return NULL;
        memcpy(o, buf + 20 - k, (size_t)k);
        return o + k;
    }
    }
    if (z > end - o) return NULL;
    memcpy(o, src, (size_t)z);
    return o + z;
}

static PyObject *rows(PyObject *Py_UNUSED(self), PyObject *args, PyObject *kwds) {
    static char *kwlist[] = {"pieces", "n", "with_offsets", NULL};
    PyObject *tuple, *result = NULL, *offsets = NULL;
    Py_ssize_t n;
    int with_offsets = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!n|p", kwlist, &PyTuple_Type, &tuple, &n, &with_offsets))
        return NULL;
    Py_ssize_t np_ = PyTuple_GET_SIZE(tuple);
    if (n < 0) return PyErr_Format(PyExc_ValueError, "rows: n must not be negative");
    Piece *ps = PyMem_Calloc((size_t)np_ + 1, sizeof(Piece));
    if (ps == NULL) return PyErr_NoMemory();
    Py_ssize_t parsed = 0, total = 0;
    for (; parsed < np_; parsed++)
        if (parse_piece(PyTuple_GET_ITEM(tuple, parsed), n, &ps[parsed]) < 0) {
            release(&ps[parsed]);
            goto done;
        }
    if (with_offsets) {
        offsets = PyByteArray_FromStringAndSize(NULL, (n + 1) * 8);
        if (offsets == NULL) goto done;
    }
    /* Both passes read only buffers and immutable bytes held by `pieces`: other threads run meanwhile. */
    char *offs = offsets != NULL ? PyByteArray_AS_STRING(offsets) : NULL;
    Py_ssize_t status = 0;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < n && status == 0; i++) {
        int64_t at = total;
        if (offs != NULL) memcpy(offs + i * 8, &at, 8);
        for (Py_ssize_t j = 0; j < np_; j++) {
            Py_ssize_t k = piece_len(&ps[j], i);
            if (k < 0 || k > PY_SSIZE_T_MAX - total) {
                status = k < 0 ? k : TOO_LONG;
                break;
            }
            total += k;
        }
    }
    if (offs != NULL && status == 0) {
        int64_t at = total;
        memcpy(offs + n * 8, &at, 8);
    }
    Py_END_ALLOW_THREADS
    if (status == OUT_OF_TABLE) {
        bad("a code is outside its table");
        goto done;
    }
    if (status == OUT_OF_BUFFER) {
        bad("a range lies outside its buffer");
        goto done;
    }
    if (status == BAD_TIME) {
        bad("a time lies outside the years 1 to 9999");
        goto done;
    }
    if (status == TOO_LONG) {
        PyErr_NoMemory();
        goto done;
    }
    result = PyBytes_FromStringAndSize(NULL, total);
    if (result == NULL) goto done;
    char *o = PyBytes_AS_STRING(result);
    const char *end = o + total;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < n && o != NULL; i++)
        for (Py_ssize_t j = 0; j < np_ && o != NULL; j++) o = piece_put(&ps[j], i, o, end);
    Py_END_ALLOW_THREADS
    if (o != end) { /* a buffer changed between the passes (another thread wrote to it): nothing is returned */
        Py_CLEAR(result);
        bad("an input buffer changed while the rows were written");
    }
done:
    for (Py_ssize_t j = 0; j < parsed; j++) release(&ps[j]);
    PyMem_Free(ps);
    if (result == NULL) {
        Py_XDECREF(offsets);
        return NULL;
    }
    if (offsets == NULL) return result;
    return Py_BuildValue("NN", result, offsets);
}

static PyMethodDef module_methods[] = {
    {"rows", (PyCFunction)(void (*)(void))rows, METH_VARARGS | METH_KEYWORDS,
     "rows(pieces, n, with_offsets=False) -> bytes of n rows (and int64 row offsets)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT, "_rowtext", "Row text for openup import --out (optional).", -1, module_methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__rowtext(void) {
    fill_tables();
    return PyModule_Create(&moduledef);
}
