/* Word-start scanner for the lexical tier (optional accelerator for openup.text.word_index).
 *
 * hits(text, table) walks the runs of ASCII [a-z0-9] in `text` (a "word" starts where the previous
 * character is not one of those). For each word found in `table`, a dict word -> (single, pairs):
 *   - `pairs` (a dict or None) maps the next word (the next run after any other characters, "" when
 *     there is none) to a value;
 *   - `single` (any object or None) is the value when the pair is not listed.
 * It returns [(start, value), ...] in text order, skipping words whose value is None.
 *
 * This is exactly what the regex trigger in word_index.py finds (tests compare both on arbitrary
 * text); it only does it without trying a large prefix-tree regex at every character.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static inline int is_word(Py_UCS4 c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

static PyObject *hits(PyObject *self, PyObject *args) {
    PyObject *text, *table;
    (void)self;
    if (!PyArg_ParseTuple(args, "UO!:hits", &text, &PyDict_Type, &table)) return NULL;
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *out = PyList_New(0);
    if (out == NULL) return NULL;
    Py_ssize_t i = 0;
    while (i < n) {
        if (!is_word(PyUnicode_READ(kind, data, i))) {
            i++;
            continue;
        }
        const Py_ssize_t start = i;
        while (i < n && is_word(PyUnicode_READ(kind, data, i))) i++;
        PyObject *word = PyUnicode_Substring(text, start, i);
        if (word == NULL) goto fail;
        PyObject *info = PyDict_GetItemWithError(table, word); /* borrowed */
        Py_DECREF(word);
        if (info == NULL) {
            if (PyErr_Occurred()) goto fail;
            continue;
        }
        if (!PyTuple_Check(info) || PyTuple_GET_SIZE(info) != 2) {
            PyErr_SetString(PyExc_TypeError, "table values must be (single, pairs) tuples");
            goto fail;
        }
        Py_INCREF(info); /* held across the next lookup */
        PyObject *single = PyTuple_GET_ITEM(info, 0);
        PyObject *pairs = PyTuple_GET_ITEM(info, 1);
        PyObject *value = NULL; /* borrowed */
        if (pairs != Py_None) {
            if (!PyDict_Check(pairs)) {
                Py_DECREF(info);
                PyErr_SetString(PyExc_TypeError, "pairs must be a dict or None");
                goto fail;
            }
            Py_ssize_t j = i;
            while (j < n && !is_word(PyUnicode_READ(kind, data, j))) j++;
            Py_ssize_t k = j;
            while (k < n && is_word(PyUnicode_READ(kind, data, k))) k++;
            PyObject *next = PyUnicode_Substring(text, j, k);
            if (next == NULL) {
                Py_DECREF(info);
                goto fail;
            }
            value = PyDict_GetItemWithError(pairs, next);
            Py_DECREF(next);
            if (value == NULL && PyErr_Occurred()) {
                Py_DECREF(info);
                goto fail;
            }
            if (value == Py_None) value = NULL; /* as in Python: a None pair falls back to the word */
        }
        if (value == NULL && single != Py_None) value = single;
        if (value == NULL) {
            Py_DECREF(info);
            continue;
        }
        PyObject *item = Py_BuildValue("(nO)", start, value);
        Py_DECREF(info);
        if (item == NULL) goto fail;
        int rc = PyList_Append(out, item);
        Py_DECREF(item);
        if (rc < 0) goto fail;
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

static PyMethodDef module_methods[] = {
    {"hits", hits, METH_VARARGS, "hits(text, table) -> [(start, value), ...] for listed words"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT, "_wordscan", "Word-start scanner for the lexical tier (optional).", -1, module_methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__wordscan(void) { return PyModule_Create(&moduledef); }
