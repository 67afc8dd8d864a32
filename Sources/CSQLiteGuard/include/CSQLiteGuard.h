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

#endif
