#ifndef PAPI_CSQLITEGUARD_H
#define PAPI_CSQLITEGUARD_H

/// Sets up an SQLite connection (an `sqlite3 *`) that reads a file from outside, as SQLite
/// recommends for untrusted databases (https://sqlite.org/security.html): defensive mode on
/// (SQLITE_DBCONFIG_DEFENSIVE), schema objects untrusted (SQLITE_DBCONFIG_TRUSTED_SCHEMA off),
/// triggers and views off (SQLITE_DBCONFIG_ENABLE_TRIGGER, _ENABLE_VIEW), and a text or blob at
/// most `maximum_length` bytes (SQLITE_LIMIT_LENGTH). Returns 0 when every setting took, else the
/// SQLite result code of the first that failed. `sqlite3_db_config` is variadic, which Swift
/// cannot call: hence this C function.
int papi_sqlite_guard(void *connection, int maximum_length);

/// Adds to a connection the checks `ResultsRules` runs on every row of a file from outside, as
/// deterministic SQL functions over a value's bytes (the GLOB patterns and date arithmetic they
/// replace were most of a merge's time):
///
/// - `papi_uuid(x, upper_only)`: 1 when `x` is text of exactly 36 bytes, hex digits with `-` at
///   bytes 9, 14, 19 and 24 (upper-case hex only when `upper_only` is 1), else 0;
/// - `papi_timestamp(x, earliest, latest, milliseconds)`: 1 when `x` is text `yyyy-MM-dd HH:mm:ss`
///   (with `milliseconds` 1: only `yyyy-MM-dd HH:mm:ss.SSS`; 0: either form), hours to 23, minutes
///   and seconds to 59, on a day that exists, whose `yyyy-MM-dd` lies between `earliest` and
///   `latest` (texts compared byte by byte), else 0;
/// - `papi_day(x)`: 1 when `x` is text `yyyy-MM-dd` of a day that exists (years 0001 to 9999),
///   else 0.
///
/// Returns 0, or the SQLite result code of the first function that could not be added.
int papi_sqlite_add_checks(void *connection);

#endif
