// jemalloc's options for the recsite tool, read by jemalloc before its first
// allocation. "thp:always" asks for transparent huge pages (madvise) on its
// memory: on M, `recommend --all` touched 66 000 new 4 KiB pages, each a
// page fault costing microseconds on a virtual machine, which was a tenth of
// the engine's CPU time; with 2 MiB pages it takes about 3 000 faults. A
// MALLOC_CONF environment variable still overrides this. Speed only: no
// output depends on it.
#include "MallocOptions.h"

const char *malloc_conf = "thp:always";
