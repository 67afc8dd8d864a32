#include "CSQLiteGuard.h"

#include <sqlite3.h>

int papi_sqlite_guard(void *connection, int maximum_length) {
  sqlite3 *db = (sqlite3 *)connection;
  int result = sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
  if (result == SQLITE_OK) result = sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)0);
  if (result == SQLITE_OK) result = sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)0);
  if (result == SQLITE_OK) result = sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, (int *)0);
  if (result == SQLITE_OK) sqlite3_limit(db, SQLITE_LIMIT_LENGTH, maximum_length);
  return result;
}
