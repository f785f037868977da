/* The runtime's compiled fast paths (optional; see fastpath.py).
 *
 * Budget.spend, Budget.reserve, Reservation.commit and Reservation.release
 * are replaced by FastMethod objects that do the common case here: amounts
 * within the caps, a commit at or below its reservation, a live handle, no
 * leaked reservation queued, no overage recorded in the tree. Anything else
 * calls the Python method (the "original") with the same arguments, so the
 * Python code stays the one definition of every rule, message and error.
 *
 * The ledger itself stays the Python objects of ledger.py: this file reads
 * and writes their __slots__ at the offsets their member descriptors give,
 * under the tree's lock, which is this module's Lock (cheap to take from
 * C; a tree with any other lock takes the Python path).
 *
 * Amounts are converted by the Python helpers (usd_units, count_units),
 * before the lock is taken, as in the Python code; float prices are cached
 * as money.FLOAT_USD_UNITS caches them for the Python path.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#if PY_VERSION_HEX < 0x030B0000
#include <frameobject.h>
#endif

/* --- Lock ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyThread_type_lock lock;
    char locked;
} LockObject;

static PyTypeObject LockType;

static void
lock_acquire(LockObject *self)
{
    if (!PyThread_acquire_lock(self->lock, NOWAIT_LOCK)) {
        /* Held elsewhere: wait without the GIL, so its holder can finish. */
        Py_BEGIN_ALLOW_THREADS
        PyThread_acquire_lock(self->lock, WAIT_LOCK);
        Py_END_ALLOW_THREADS
    }
    self->locked = 1;
}

static void
lock_release(LockObject *self)
{
    self->locked = 0;
    PyThread_release_lock(self->lock);
}

static PyObject *
Lock_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) != 0 || (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0)) {
        PyErr_SetString(PyExc_TypeError, "Lock() takes no arguments");
        return NULL;
    }
    LockObject *self = (LockObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->lock = PyThread_allocate_lock();
    if (self->lock == NULL) {
        Py_DECREF(self);
        PyErr_SetString(PyExc_MemoryError, "cannot allocate a lock");
        return NULL;
    }
    return (PyObject *)self;
}

static void
Lock_dealloc(LockObject *self)
{
    if (self->lock != NULL) {
        if (self->locked) {
            PyThread_release_lock(self->lock);
        }
        PyThread_free_lock(self->lock);
    }
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Lock_acquire(LockObject *self, PyObject *args, PyObject *kwargs)
{
    static char *names[] = {"blocking", NULL};
    int blocking = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|p:acquire", names, &blocking)) {
        return NULL;
    }
    if (blocking) {
        lock_acquire(self);
        Py_RETURN_TRUE;
    }
    if (PyThread_acquire_lock(self->lock, NOWAIT_LOCK)) {
        self->locked = 1;
        Py_RETURN_TRUE;
    }
    Py_RETURN_FALSE;
}

static PyObject *
Lock_enter(LockObject *self, PyObject *Py_UNUSED(ignored))
{
    lock_acquire(self);
    Py_RETURN_TRUE;
}

static PyObject *
Lock_release(LockObject *self, PyObject *Py_UNUSED(ignored))
{
    if (!self->locked) {
        PyErr_SetString(PyExc_RuntimeError, "release unlocked lock");
        return NULL;
    }
    lock_release(self);
    Py_RETURN_NONE;
}

static PyObject *
Lock_exit(LockObject *self, PyObject *const *Py_UNUSED(args), Py_ssize_t Py_UNUSED(nargs))
{
    return Lock_release(self, NULL);
}

static PyObject *
Lock_locked(LockObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(self->locked);
}

static PyMethodDef Lock_methods[] = {
    {"acquire", (PyCFunction)(void (*)(void))Lock_acquire, METH_VARARGS | METH_KEYWORDS,
     "acquire(blocking=True) -> bool"},
    {"release", (PyCFunction)Lock_release, METH_NOARGS, "release()"},
    {"locked", (PyCFunction)Lock_locked, METH_NOARGS, "Whether the lock is held."},
    {"__enter__", (PyCFunction)Lock_enter, METH_NOARGS, NULL},
    {"__exit__", (PyCFunction)(void (*)(void))Lock_exit, METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject LockType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "budgetlint.runtime._fastpath.Lock",
    .tp_doc = "A budget tree's lock: threading.Lock's interface, cheap to take from C.",
    .tp_basicsize = sizeof(LockObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = Lock_new,
    .tp_dealloc = (destructor)Lock_dealloc,
    .tp_methods = Lock_methods,
};

/* --- what setup() is given ------------------------------------------------- */

/* Slot offsets, read from the classes' member descriptors. */
static Py_ssize_t off_budget_tree, off_budget_node;
static Py_ssize_t off_res_tree, off_res_node, off_res_amounts;
static Py_ssize_t off_tree_lock, off_tree_leaked, off_tree_overdrawn;
static Py_ssize_t off_node_ledger, off_node_used, off_node_limits, off_node_route;
static Py_ssize_t off_node_open, off_node_committed, off_node_released;

static PyTypeObject *budget_type;      /* Budget (subclasses accepted) */
static PyTypeObject *reservation_type; /* Reservation (exactly: not a moved one) */
static PyObject *usd_units;            /* money.usd_units */
static PyObject *count_units;          /* money.count_units */
static PyObject *move;                 /* ownership.move */
static PyObject *str_usd, *str_tokens, *str_calls, *str_commit, *str_release;
static PyObject *one_call[3];          /* what spend/reserve charge by default */
static PyObject *nothing[3];           /* what release charges */

#define SLOT(obj, offset) (*(PyObject **)((char *)(obj) + (offset)))

/* Replace a slot's value; steals `value`. */
static inline void
set_slot(PyObject *obj, Py_ssize_t offset, PyObject *value)
{
    PyObject *old = SLOT(obj, offset);
    SLOT(obj, offset) = value;
    Py_XDECREF(old);
}

static int
slot_offset(PyObject *cls, const char *name, Py_ssize_t *offset)
{
    PyObject *descr = PyObject_GetAttrString(cls, name);
    if (descr == NULL) {
        return -1;
    }
    int ok = Py_IS_TYPE(descr, &PyMemberDescr_Type)
             && ((PyMemberDescrObject *)descr)->d_member->type == T_OBJECT_EX;
    if (ok) {
        *offset = ((PyMemberDescrObject *)descr)->d_member->offset;
    }
    Py_DECREF(descr);
    if (!ok) {
        PyErr_Format(PyExc_TypeError, "%R.%s is not a __slots__ entry", cls, name);
        return -1;
    }
    return 0;
}

static PyObject *
setup(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *budget, *reservation, *node, *tree;
    PyObject *usd, *count, *mover;
    if (!PyArg_ParseTuple(args, "O!O!O!O!OOO:setup", &PyType_Type, &budget, &PyType_Type,
                          &reservation, &PyType_Type, &node, &PyType_Type, &tree, &usd, &count,
                          &mover)) {
        return NULL;
    }
    struct {
        PyObject *cls;
        const char *name;
        Py_ssize_t *offset;
    } slots[] = {
        {budget, "_tree", &off_budget_tree},
        {budget, "_node", &off_budget_node},
        {reservation, "_tree", &off_res_tree},
        {reservation, "_node", &off_res_node},
        {reservation, "_amounts", &off_res_amounts},
        {tree, "lock", &off_tree_lock},
        {tree, "leaked", &off_tree_leaked},
        {tree, "overdrawn", &off_tree_overdrawn},
        {node, "ledger", &off_node_ledger},
        {node, "used", &off_node_used},
        {node, "limits", &off_node_limits},
        {node, "route", &off_node_route},
        {node, "open", &off_node_open},
        {node, "committed", &off_node_committed},
        {node, "released", &off_node_released},
    };
    for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++) {
        if (slot_offset(slots[i].cls, slots[i].name, slots[i].offset) < 0) {
            return NULL;
        }
    }
    Py_XSETREF(budget_type, (PyTypeObject *)Py_NewRef(budget));
    Py_XSETREF(reservation_type, (PyTypeObject *)Py_NewRef(reservation));
    Py_XSETREF(usd_units, Py_NewRef(usd));
    Py_XSETREF(count_units, Py_NewRef(count));
    Py_XSETREF(move, Py_NewRef(mover));
    Py_RETURN_NONE;
}

/* --- amounts ------------------------------------------------------------- */

/* A token or call count: an exact non-negative int as it is, anything else
 * through count_units (which converts or raises). New reference. */
static PyObject *
count(PyObject *value, PyObject *dimension)
{
    if (PyLong_CheckExact(value)) {
        int overflow;
        long long n = PyLong_AsLongLongAndOverflow(value, &overflow);
        if (overflow > 0 || (overflow == 0 && n >= 0)) {
            return Py_NewRef(value);
        }
    }
    return PyObject_CallFunctionObjArgs(count_units, value, dimension, NULL);
}

/* Dollar prices seen before, by the float's bits: a direct-mapped cache in
 * front of usd_units, cheaper than hashing the float for a dict. */
#define PRICES 256
static struct {
    double value;
    PyObject *units;
} prices[PRICES];

static PyObject *
float_units(PyObject *value)
{
    double x = PyFloat_AS_DOUBLE(value);
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    size_t slot = (size_t)((bits * 0x9E3779B97F4A7C15u) >> 56) % PRICES;
    if (prices[slot].units != NULL && memcmp(&prices[slot].value, &x, sizeof x) == 0) {
        return Py_NewRef(prices[slot].units);
    }
    PyObject *units = PyObject_CallOneArg(usd_units, value);
    if (units != NULL) {
        prices[slot].value = x;
        Py_XSETREF(prices[slot].units, Py_NewRef(units));
    }
    return units;
}

/* Ledger units for (usd, tokens, calls), `fallback`'s where an argument is
 * missing or None; as money.py converts them. New references in `out`. */
static int
to_units(PyObject *const given[3], PyObject *const fallback[3], PyObject *out[3])
{
    out[0] = out[1] = out[2] = NULL;
    for (int d = 0; d < 3; d++) {
        PyObject *value = given[d];
        if (value == NULL || value == Py_None) {
            out[d] = Py_NewRef(fallback[d]);
        }
        else if (d == 0) {
            out[d] = PyFloat_CheckExact(value) ? float_units(value)
                                               : PyObject_CallOneArg(usd_units, value);
        }
        else {
            out[d] = count(value, d == 1 ? str_tokens : str_calls);
        }
        if (out[d] == NULL) {
            for (int i = 0; i < d; i++) {
                Py_CLEAR(out[i]);
            }
            return -1;
        }
    }
    return 0;
}

static void
clear_units(PyObject *units[3])
{
    for (int d = 0; d < 3; d++) {
        Py_CLEAR(units[d]);
    }
}

/* --- the ledger (ledger.Node), with the tree's lock held ------------------- */

/* Whether a + b > c, for ints; -1 with an exception. Without allocating
 * when all three fit in 63 bits, as ledger amounts almost always do. */
static int
sum_exceeds(PyObject *a, PyObject *b, PyObject *c)
{
    int overflow_a, overflow_b, overflow_c;
    long long x = PyLong_AsLongLongAndOverflow(a, &overflow_a);
    long long y = PyLong_AsLongLongAndOverflow(b, &overflow_b);
    long long z = PyLong_AsLongLongAndOverflow(c, &overflow_c);
    long long sum;
    if (!overflow_a && !overflow_b && !overflow_c && !__builtin_add_overflow(x, y, &sum)) {
        return sum > z;
    }
    if (PyErr_Occurred()) {
        return -1;
    }
    PyObject *total = PyNumber_Add(a, b);
    if (total == NULL) {
        return -1;
    }
    int over = PyObject_RichCompareBool(total, c, Py_GT);
    Py_DECREF(total);
    return over;
}

enum { SPENT = 0, RESERVED = 1 };

/* list[d] += delta; 0, or -1 with an exception. */
static int
add_at(PyObject *list, Py_ssize_t d, PyObject *delta, binaryfunc op)
{
    PyObject *sum = op(PyList_GET_ITEM(list, d), delta);
    if (sum == NULL) {
        return -1;
    }
    PyObject *old = PyList_GET_ITEM(list, d);
    PyList_SET_ITEM(list, d, sum);
    Py_DECREF(old);
    return 0;
}

/* Node.charge without its refusals: 1 charged, 0 a cap would be passed (the
 * caller takes the Python path, which refuses with its message), -1 error. */
static int
charge(PyObject *node, int record, PyObject *units[3])
{
    PyObject *limits = SLOT(node, off_node_limits);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(limits); i++) {
        PyObject *limit = PyTuple_GET_ITEM(limits, i);
        long d = PyLong_AsLong(PyTuple_GET_ITEM(limit, 0));
        PyObject *owner = PyTuple_GET_ITEM(limit, 1);
        PyObject *cap = PyTuple_GET_ITEM(limit, 2);
        int over = sum_exceeds(PyList_GET_ITEM(SLOT(owner, off_node_used), d), units[d], cap);
        if (over != 0) {
            return over < 0 ? -1 : 0;
        }
    }
    PyObject *route = SLOT(node, off_node_route);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(route); i++) {
        PyObject *step = PyTuple_GET_ITEM(route, i);
        long d = PyLong_AsLong(PyTuple_GET_ITEM(step, 0));
        PyObject *at = PyTuple_GET_ITEM(step, 1);
        int nonzero = PyObject_IsTrue(units[d]);
        if (nonzero < 0) {
            return -1;
        }
        if (nonzero) {
            PyObject *ledger = PyTuple_GET_ITEM(SLOT(at, off_node_ledger), record);
            if (add_at(ledger, d, units[d], PyNumber_Add) < 0
                || add_at(SLOT(at, off_node_used), d, units[d], PyNumber_Add) < 0) {
                return -1;
            }
        }
    }
    return 1;
}

/* Node._settle(RESERVED, freed, spent) when spent <= freed in every
 * dimension (so nothing can go over a cap); 0, or -1 with an exception. */
static int
settle(PyObject *node, PyObject *const freed[3], PyObject *const spent[3])
{
    PyObject *growth[3] = {NULL, NULL, NULL}; /* spent - freed, per dimension */
    int status = 0;
    for (int d = 0; status == 0 && d < 3; d++) {
        growth[d] = PyNumber_Subtract(spent[d], freed[d]);
        status = growth[d] == NULL ? -1 : 0;
    }
    PyObject *route = SLOT(node, off_node_route);
    for (Py_ssize_t i = 0; status == 0 && i < PyTuple_GET_SIZE(route); i++) {
        PyObject *step = PyTuple_GET_ITEM(route, i);
        long d = PyLong_AsLong(PyTuple_GET_ITEM(step, 0));
        PyObject *at = PyTuple_GET_ITEM(step, 1);
        PyObject *ledger = SLOT(at, off_node_ledger);
        int frees = PyObject_IsTrue(freed[d]), spends = PyObject_IsTrue(spent[d]);
        int grows = PyObject_IsTrue(growth[d]);
        if (frees < 0 || spends < 0 || grows < 0
            || (frees && add_at(PyTuple_GET_ITEM(ledger, RESERVED), d, freed[d], PyNumber_Subtract) < 0)
            || (spends && add_at(PyTuple_GET_ITEM(ledger, SPENT), d, spent[d], PyNumber_Add) < 0)
            || (grows && add_at(SLOT(at, off_node_used), d, growth[d], PyNumber_Add) < 0)) {
            status = -1;
        }
    }
    for (int d = 0; d < 3; d++) {
        Py_XDECREF(growth[d]);
    }
    return status;
}

/* node.<counter> += delta */
static int
bump(PyObject *node, Py_ssize_t offset, long delta)
{
    PyObject *step = PyLong_FromLong(delta);
    if (step == NULL) {
        return -1;
    }
    PyObject *value = PyNumber_Add(SLOT(node, offset), step);
    Py_DECREF(step);
    if (value == NULL) {
        return -1;
    }
    set_slot(node, offset, value);
    return 0;
}

/* The tree's lock, taken, if the fast path may go on under it: it is this
 * module's Lock, no leaked reservation waits to be released and (with
 * `charging`) no overage was recorded. NULL: take the Python path. */
static LockObject *
enter(PyObject *tree, int charging)
{
    PyObject *lock = SLOT(tree, off_tree_lock);
    if (lock == NULL || !Py_IS_TYPE(lock, &LockType)) {
        return NULL;
    }
    lock_acquire((LockObject *)lock);
    PyObject *leaked = SLOT(tree, off_tree_leaked);
    if (leaked == NULL || PyObject_Size(leaked) != 0
        || (charging && SLOT(tree, off_tree_overdrawn) != Py_False)) {
        PyErr_Clear();
        lock_release((LockObject *)lock);
        return NULL;
    }
    return (LockObject *)lock;
}

/* --- FastMethod ------------------------------------------------------------- */

enum { SPEND, RESERVE, COMMIT, RELEASE };

typedef struct {
    PyObject_HEAD
    vectorcallfunc vectorcall;
    int kind;
    PyObject *original; /* the Python method */
    PyObject *dict;     /* functools.update_wrapper's attributes */
    /* The last move made here: a consumed reservation's tombstone class
     * (ownership.move) for this call site, which keeps the code alive. */
    PyCodeObject *site_code;
    int site_offset;
    PyObject *tombstone;
} FastMethod;

static PyTypeObject FastMethodType;

/* The caller's code and instruction offset, as ownership.consume_here
 * reads them. New reference to the code, or NULL if no Python frame. */
static PyCodeObject *
caller_site(int *offset)
{
    PyFrameObject *frame = PyEval_GetFrame();
    if (frame == NULL) {
        return NULL;
    }
#if PY_VERSION_HEX >= 0x030B0000
    *offset = PyFrame_GetLasti(frame);
#else
    *offset = frame->f_lasti < 0 ? -1 : frame->f_lasti * (int)sizeof(_Py_CODEUNIT);
#endif
    return PyFrame_GetCode(frame);
}

/* ownership.move(obj, code, offset, how), with this method's last
 * tombstone reused when the call site is the same. */
static int
mark_moved(FastMethod *method, PyObject *obj, PyObject *how)
{
    int offset;
    PyCodeObject *code = caller_site(&offset);
    if (code == NULL) {
        return 0; /* called from no Python frame: the Python code would fail too */
    }
    if (code == method->site_code && offset == method->site_offset && method->tombstone != NULL) {
        Py_DECREF(code);
        PyTypeObject *old = Py_TYPE(obj);
        Py_SET_TYPE(obj, (PyTypeObject *)Py_NewRef(method->tombstone));
        Py_DECREF(old);
        return 0;
    }
    PyObject *pyoffset = PyLong_FromLong(offset);
    PyObject *result = pyoffset == NULL ? NULL
        : PyObject_CallFunctionObjArgs(move, obj, (PyObject *)code, pyoffset, how, NULL);
    Py_XDECREF(pyoffset);
    if (result == NULL) {
        Py_DECREF(code);
        return -1;
    }
    Py_DECREF(result);
    if ((PyObject *)Py_TYPE(obj) != (PyObject *)reservation_type) {
        method->site_code = code; /* kept alive by the tombstone's site */
        method->site_offset = offset;
        Py_XSETREF(method->tombstone, Py_NewRef((PyObject *)Py_TYPE(obj)));
    }
    Py_DECREF(code);
    return 0;
}

/* Budget.spend / Budget.reserve. NULL with no exception: take the Python path. */
static PyObject *
charge_budget(PyObject *self, PyObject *const given[3], int record)
{
    if (!PyObject_TypeCheck(self, budget_type)) {
        return NULL;
    }
    PyObject *units[3];
    if (to_units(given, one_call, units) < 0) {
        return NULL;
    }
    PyObject *tree = SLOT(self, off_budget_tree);
    LockObject *lock = tree == NULL ? NULL : enter(tree, 1);
    if (lock == NULL) {
        clear_units(units);
        return NULL;
    }
    PyObject *node = SLOT(self, off_budget_node);
    int charged = node == NULL || node == Py_None ? 0 : charge(node, record, units);
    if (charged > 0 && record == RESERVED && bump(node, off_node_open, 1) < 0) {
        charged = -1;
    }
    if (charged > 0 && record == RESERVED) {
        Py_INCREF(node); /* for the reservation, made after the lock is let go */
    }
    lock_release(lock);
    if (charged <= 0) {
        clear_units(units);
        return NULL;
    }
    if (record == SPENT) {
        clear_units(units);
        Py_RETURN_NONE;
    }
    PyObject *amounts = PyTuple_New(3);
    PyObject *reservation = amounts == NULL ? NULL
        : reservation_type->tp_alloc(reservation_type, 0);
    if (reservation == NULL) {
        /* The funds stay reserved, as if the reservation leaked at once. */
        Py_XDECREF(amounts);
        Py_DECREF(node);
        clear_units(units);
        return NULL;
    }
    for (int d = 0; d < 3; d++) {
        PyTuple_SET_ITEM(amounts, d, units[d]);
    }
    SLOT(reservation, off_res_tree) = Py_NewRef(tree);
    SLOT(reservation, off_res_node) = node;
    SLOT(reservation, off_res_amounts) = amounts;
    return reservation;
}

/* Reservation.commit / Reservation.release. */
static PyObject *
settle_reservation(FastMethod *method, PyObject *self, PyObject *const given[3])
{
    if (!Py_IS_TYPE(self, reservation_type)) {
        return NULL; /* moved (a tombstone) or a subclass */
    }
    PyObject *reserved = SLOT(self, off_res_amounts);
    PyObject *tree = SLOT(self, off_res_tree);
    if (reserved == NULL || tree == NULL) {
        return NULL;
    }
    PyObject *const *freed = &PyTuple_GET_ITEM(reserved, 0);
    PyObject *actual[3];
    if (to_units(given, method->kind == COMMIT ? freed : nothing, actual) < 0) {
        return NULL;
    }
    /* More than reserved may pass a cap: the Python path records overage. */
    int within = 1;
    for (int d = 0; within == 1 && d < 3; d++) {
        within = !sum_exceeds(actual[d], nothing[d], freed[d]);
    }
    LockObject *lock = within == 1 ? enter(tree, 0) : NULL;
    if (lock == NULL) {
        clear_units(actual);
        return NULL; /* with the comparison's exception, if it raised */
    }
    PyObject *node = SLOT(self, off_res_node);
    int ok = node != NULL && node != Py_None;
    if (ok) {
        Py_INCREF(node);
        set_slot(self, off_res_node, Py_NewRef(Py_None));
        Py_ssize_t counter = method->kind == COMMIT ? off_node_committed : off_node_released;
        if (settle(node, freed, actual) < 0 || bump(node, off_node_open, -1) < 0
            || bump(node, counter, 1) < 0) {
            ok = 0;
        }
        Py_DECREF(node);
    }
    lock_release(lock);
    clear_units(actual);
    if (!ok || mark_moved(method, self, method->kind == COMMIT ? str_commit : str_release) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
FastMethod_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    FastMethod *method = (FastMethod *)callable;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    PyObject *given[3] = {NULL, NULL, NULL};
    int plain = nargs == 1;
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    if (method->kind == RELEASE && nkw) {
        plain = 0;
    }
    for (Py_ssize_t i = 0; plain && i < nkw; i++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, i);
        int d = name == str_usd ? 0 : name == str_tokens ? 1 : name == str_calls ? 2 : -1;
        if (d < 0) {
            /* Keyword names are usually interned; compare the text if not. */
            d = PyUnicode_Compare(name, str_usd) == 0      ? 0
                : PyUnicode_Compare(name, str_tokens) == 0 ? 1
                : PyUnicode_Compare(name, str_calls) == 0  ? 2
                                                           : -1;
            PyErr_Clear();
        }
        if (d < 0) {
            plain = 0;
        }
        else {
            given[d] = args[nargs + i];
        }
    }
    if (plain) {
        PyObject *result;
        switch (method->kind) {
        case SPEND:
            result = charge_budget(args[0], given, SPENT);
            break;
        case RESERVE:
            result = charge_budget(args[0], given, RESERVED);
            break;
        default:
            result = settle_reservation(method, args[0], given);
        }
        if (result != NULL || PyErr_Occurred()) {
            return result;
        }
    }
    return PyObject_Vectorcall(method->original, args, nargsf, kwnames);
}

static PyObject *
FastMethod_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    int kind;
    PyObject *original;
    static char *names[] = {"kind", "original", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "iO:FastMethod", names, &kind, &original)) {
        return NULL;
    }
    if (kind < SPEND || kind > RELEASE) {
        PyErr_Format(PyExc_ValueError, "no fast path of kind %d", kind);
        return NULL;
    }
    if (budget_type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "setup() first");
        return NULL;
    }
    FastMethod *self = (FastMethod *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->vectorcall = FastMethod_vectorcall;
    self->kind = kind;
    self->original = Py_NewRef(original);
    return (PyObject *)self;
}

static int
FastMethod_traverse(FastMethod *self, visitproc visit, void *arg)
{
    Py_VISIT(self->original);
    Py_VISIT(self->dict);
    Py_VISIT(self->tombstone);
    return 0;
}

static int
FastMethod_clear(FastMethod *self)
{
    Py_CLEAR(self->original);
    Py_CLEAR(self->dict);
    Py_CLEAR(self->tombstone);
    self->site_code = NULL;
    return 0;
}

static void
FastMethod_dealloc(FastMethod *self)
{
    PyObject_GC_UnTrack(self);
    FastMethod_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
FastMethod_get(PyObject *self, PyObject *obj, PyObject *Py_UNUSED(type))
{
    if (obj == NULL || obj == Py_None) {
        return Py_NewRef(self);
    }
    return PyMethod_New(self, obj);
}

static PyGetSetDef FastMethod_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject FastMethodType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "budgetlint.runtime._fastpath.FastMethod",
    .tp_doc = "FastMethod(kind, original): a hot method, falling back to original.",
    .tp_basicsize = sizeof(FastMethod),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL
                | Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_new = FastMethod_new,
    .tp_dealloc = (destructor)FastMethod_dealloc,
    .tp_traverse = (traverseproc)FastMethod_traverse,
    .tp_clear = (inquiry)FastMethod_clear,
    .tp_call = PyVectorcall_Call,
    .tp_vectorcall_offset = offsetof(FastMethod, vectorcall),
    .tp_descr_get = FastMethod_get,
    .tp_dictoffset = offsetof(FastMethod, dict),
    .tp_getset = FastMethod_getset,
};

/* --- module ---------------------------------------------------------------- */

static PyMethodDef module_methods[] = {
    {"setup", setup, METH_VARARGS,
     "setup(Budget, Reservation, Node, Tree, usd_units, count_units, move)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "budgetlint.runtime._fastpath",
    .m_doc = "The runtime's compiled fast paths (see budgetlint.runtime.fastpath).",
    .m_size = -1,
    .m_methods = module_methods,
};

PyMODINIT_FUNC
PyInit__fastpath(void)
{
    if (PyType_Ready(&LockType) < 0 || PyType_Ready(&FastMethodType) < 0) {
        return NULL;
    }
    str_usd = PyUnicode_InternFromString("usd");
    str_tokens = PyUnicode_InternFromString("tokens");
    str_calls = PyUnicode_InternFromString("calls");
    str_commit = PyUnicode_InternFromString("commit()");
    str_release = PyUnicode_InternFromString("release()");
    one_call[0] = PyLong_FromLong(0);
    one_call[1] = PyLong_FromLong(0);
    one_call[2] = PyLong_FromLong(1);
    for (int d = 0; d < 3; d++) {
        nothing[d] = PyLong_FromLong(0);
        if (one_call[d] == NULL || nothing[d] == NULL) {
            return NULL;
        }
    }
    if (!str_usd || !str_tokens || !str_calls || !str_commit || !str_release) {
        return NULL;
    }
    PyObject *module = PyModule_Create(&module_def);
    if (module == NULL) {
        return NULL;
    }
    if (PyModule_AddObjectRef(module, "Lock", (PyObject *)&LockType) < 0
        || PyModule_AddObjectRef(module, "FastMethod", (PyObject *)&FastMethodType) < 0
        || PyModule_AddIntConstant(module, "SPEND", SPEND) < 0
        || PyModule_AddIntConstant(module, "RESERVE", RESERVE) < 0
        || PyModule_AddIntConstant(module, "COMMIT", COMMIT) < 0
        || PyModule_AddIntConstant(module, "RELEASE", RELEASE) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
