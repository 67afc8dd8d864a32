#ifndef CCURL_H
#define CCURL_H

#include <curl/curl.h>

/// libcurl's easy interface for Swift: curl_easy_setopt and curl_easy_getinfo are variadic, so
/// Swift cannot call them; these typed wrappers can be.

/// curl_global_init, once per process whatever the number of callers (thread-safe).
CURLcode ccurl_global_init(void);

CURLcode ccurl_set_long(CURL *handle, CURLoption option, long value);
CURLcode ccurl_set_offset(CURL *handle, CURLoption option, curl_off_t value);
CURLcode ccurl_set_string(CURL *handle, CURLoption option, const char *value);
CURLcode ccurl_set_pointer(CURL *handle, CURLoption option, void *value);
CURLcode ccurl_set_headers(CURL *handle, struct curl_slist *headers);
CURLcode ccurl_set_write_function(CURL *handle, curl_write_callback function);
CURLcode ccurl_set_transfer_info_function(CURL *handle, curl_xferinfo_callback function);

/// The HTTP status of the last response (0 when none came).
long ccurl_response_code(CURL *handle);

#endif
