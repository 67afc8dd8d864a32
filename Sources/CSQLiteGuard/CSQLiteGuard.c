#include "CSQLiteGuard.h"

#include <sqlite3.h>
#include <string.h>

int papi_sqlite_guard(void *connection, int maximum_length) {
  sqlite3 *db = (sqlite3 *)connection;
  int result = sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
  if (result == SQLITE_OK) result = sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)0);
  if (result == SQLITE_OK) result = sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)0);
  if (result == SQLITE_OK) result = sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, (int *)0);
  if (result == SQLITE_OK) sqlite3_limit(db, SQLITE_LIMIT_LENGTH, maximum_length);
  return result;
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static int is_hex(unsigned char c, int upper_only) {
  return is_digit(c) || (c >= 'A' && c <= 'F') || (!upper_only && c >= 'a' && c <= 'f');
}

static int number(const unsigned char *text, int count) {
  int value = 0;
  for (int index = 0; index < count; index++) value = value * 10 + (text[index] - '0');
  return value;
}

/// `yyyy-MM-dd` of a day that exists, years 0001 to 9999 (the proleptic Gregorian calendar, as
/// Toolkit's `Day`).
static int is_day(const unsigned char *text, int bytes) {
  if (bytes < 10) return 0;
  for (int index = 0; index < 10; index++) {
    int dash = index == 4 || index == 7;
    if (dash ? text[index] != '-' : !is_digit(text[index])) return 0;
  }
  int year = number(text, 4), month = number(text + 5, 2), day = number(text + 8, 2);
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || month < 1 || month > 12 || day < 1) return 0;
  int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= days[month - 1] + (month == 2 && leap);
}

static int is_uuid(sqlite3_value **argv) {
  if (sqlite3_value_type(argv[0]) != SQLITE_TEXT) return 0;
  const unsigned char *text = sqlite3_value_text(argv[0]);
  int upper_only = sqlite3_value_int(argv[1]);
  if (text == 0 || sqlite3_value_bytes(argv[0]) != 36) return 0;
  for (int index = 0; index < 36; index++) {
    int dash = index == 8 || index == 13 || index == 18 || index == 23;
    if (dash ? text[index] != '-' : !is_hex(text[index], upper_only)) return 0;
  }
  return 1;
}

static int is_timestamp(sqlite3_value **argv) {
  if (sqlite3_value_type(argv[0]) != SQLITE_TEXT) return 0;
  const unsigned char *text = sqlite3_value_text(argv[0]);
  int bytes = sqlite3_value_bytes(argv[0]);
  int milliseconds = sqlite3_value_int(argv[3]);
  if (text == 0 || !(bytes == 23 || (bytes == 19 && !milliseconds)) || !is_day(text, bytes)) return 0;
  for (int index = 10; index < bytes; index++) {
    unsigned char c = text[index];
    int separator = index == 10 ? ' ' : (index == 13 || index == 16) ? ':' : index == 19 ? '.' : 0;
    if (separator ? c != separator : !is_digit(c)) return 0;
  }
  if (number(text + 11, 2) > 23 || text[14] > '5' || text[17] > '5') return 0;
  for (int bound = 1; bound <= 2; bound++) {
    const unsigned char *limit = sqlite3_value_text(argv[bound]);
    if (limit == 0 || sqlite3_value_bytes(argv[bound]) != 10) return 0;
    int order = memcmp(text, limit, 10);
    if (bound == 1 ? order < 0 : order > 0) return 0;
  }
  return 1;
}

static int is_plain_day(sqlite3_value **argv) {
  if (sqlite3_value_type(argv[0]) != SQLITE_TEXT) return 0;
  const unsigned char *text = sqlite3_value_text(argv[0]);
  return text != 0 && sqlite3_value_bytes(argv[0]) == 10 && is_day(text, 10);
}

static void uuid_function(sqlite3_context *context, int argc, sqlite3_value **argv) {
  (void)argc;
  sqlite3_result_int(context, is_uuid(argv));
}

static void timestamp_function(sqlite3_context *context, int argc, sqlite3_value **argv) {
  (void)argc;
  sqlite3_result_int(context, is_timestamp(argv));
}

static void day_function(sqlite3_context *context, int argc, sqlite3_value **argv) {
  (void)argc;
  sqlite3_result_int(context, is_plain_day(argv));
}

int papi_sqlite_add_checks(void *connection) {
  sqlite3 *db = (sqlite3 *)connection;
  int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  int result = sqlite3_create_function(db, "papi_uuid", 2, flags, 0, uuid_function, 0, 0);
  if (result == SQLITE_OK) {
    result = sqlite3_create_function(db, "papi_timestamp", 4, flags, 0, timestamp_function, 0, 0);
  }
  if (result == SQLITE_OK) result = sqlite3_create_function(db, "papi_day", 1, flags, 0, day_function, 0, 0);
  return result;
}
