// The system zlib, for the XLSX writer's DEFLATE compression (Debian: zlib1g-dev).
#ifndef PAPI_CZLIB_SHIM_H
#define PAPI_CZLIB_SHIM_H

#include <zlib.h>

// deflateInit2 is a macro, which Swift does not import: raw DEFLATE (no zlib header), as ZIP
// entries hold it.
static inline int czlib_deflate_init_raw(z_streamp stream, int level) {
  return deflateInit2(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
}

#endif
