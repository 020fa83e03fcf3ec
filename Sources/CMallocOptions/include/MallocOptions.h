#ifndef RECSITE_MALLOC_OPTIONS_H
#define RECSITE_MALLOC_OPTIONS_H

/// jemalloc's compiled-in options (see MallocOptions.c).
extern const char *malloc_conf;

#endif
