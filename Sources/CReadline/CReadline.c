#include "CReadline.h"
// The implementation of CReadline.h: a thin layer over GNU readline for Swift 6: Swift calls these small functions and never
// touches readline's global variables itself (strict concurrency forbids that).

#include <errno.h>
#include <poll.h>
#include <time.h>
#include <signal.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <readline/readline.h>
#include <readline/history.h>

/// Set by the SIGINT handler; read and cleared by Swift after readline returns.
static volatile sig_atomic_t papi_rl_interrupted = 0;
/// Whether readline is waiting for input (so Ctrl-C should clear the line, not stop the program).
static volatile sig_atomic_t papi_rl_reading = 0;

static void papi_rl_sigint_handler(int signal_number) {
  (void)signal_number;
  papi_rl_interrupted = 1;
}

/// Called by readline after it has handled a signal: an interrupted line ends at once, empty.
static int papi_rl_signal_hook(void) {
  if (papi_rl_interrupted && papi_rl_reading) {
    rl_replace_line("", 0);
    rl_done = 1;
  }
  return 0;
}

/// How long a read waits for a key before giving up (negative: for ever), and whether the last
/// one gave up. Only the thread reading lines touches them.
static int papi_rl_idle_limit = -1;
static int papi_rl_went_idle = 0;

/// Waits for a key on `fd` up to the idle limit: 1 when one can be read (or the read would
/// fail: it reports why), 0 when the limit passed, -1 when a Ctrl-C came while waiting.
static int papi_rl_wait_for_key(int fd) {
  if (papi_rl_idle_limit < 0) return 1;
  struct timespec start;
  clock_gettime(CLOCK_MONOTONIC, &start);
  for (;;) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long elapsed = (now.tv_sec - start.tv_sec) * 1000L + (now.tv_nsec - start.tv_nsec) / 1000000L;
    long left = papi_rl_idle_limit - elapsed;
    if (left <= 0) return 0;
    struct pollfd descriptor = {.fd = fd, .events = POLLIN, .revents = 0};
    int ready = poll(&descriptor, 1, (int)left);
    if (ready > 0) return 1;
    if (ready == 0) return 0;
    if (errno != EINTR) return 1;
    if (papi_rl_interrupted && papi_rl_reading) return -1;
  }
}

/// Reads a key for readline. A read interrupted by Ctrl-C while readline waits clears the line
/// and ends it at once (readline's own rl_getc would go on waiting for the next key); so does
/// a wait for a key past the idle limit.
static int papi_rl_getc(FILE *stream) {
  for (;;) {
    int waited = papi_rl_wait_for_key(fileno(stream));
    if (waited == 0) papi_rl_went_idle = 1;
    if (waited <= 0) {
      rl_replace_line("", 0);
      return '\n';
    }
    unsigned char key;
    ssize_t count = read(fileno(stream), &key, 1);
    if (count == 1) return key;
    if (count == 0) return EOF;
    if (errno != EINTR) return EOF;
    if (papi_rl_interrupted && papi_rl_reading) {
      rl_replace_line("", 0);
      return '\n';
    }
  }
}

/// Installs the SIGINT handler (Ctrl-C never kills the shell) and the readline hooks.
void papi_rl_install(const char *application_name) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = papi_rl_sigint_handler;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, NULL);
  // A parent may have started us with SIGINT blocked (the mask is inherited); unblock it.
  sigset_t interrupt;
  sigemptyset(&interrupt);
  sigaddset(&interrupt, SIGINT);
  sigprocmask(SIG_UNBLOCK, &interrupt, NULL);
  rl_readline_name = application_name;
  rl_signal_event_hook = papi_rl_signal_hook;
  // SIGINT stays with our handler (installed without SA_RESTART, so a waiting read is
  // interrupted); readline's own handler would only act on the next key.
  rl_catch_signals = 0;
  rl_getc_function = papi_rl_getc;
  rl_catch_sigwinch = 1;
  using_history();
}

/// Reads a line; returns NULL at end of input. The caller frees the result.
char *papi_rl_readline(const char *prompt) {
  papi_rl_interrupted = 0;
  papi_rl_reading = 1;
  char *line = readline(prompt);
  papi_rl_reading = 0;
  return line;
}

char *papi_rl_readline_idle(const char *prompt, int idle_milliseconds) {
  papi_rl_went_idle = 0;
  papi_rl_idle_limit = idle_milliseconds;
  char *line = papi_rl_readline(prompt);
  papi_rl_idle_limit = -1;
  return line;
}

int papi_rl_take_idle(void) {
  int was = papi_rl_went_idle;
  papi_rl_went_idle = 0;
  return was;
}

static void papi_rl_no_redisplay(void) {}

/// Reads a line without showing what is typed (a passphrase), and without history. Returns NULL
/// at end of input. The caller frees the result.
char *papi_rl_read_secret(const char *prompt) {
  rl_voidfunc_t *saved = rl_redisplay_function;
  // The terminal stops echoing before the prompt shows: keys typed as soon as it appears would
  // otherwise be echoed by the terminal itself. readline finds it prepared and restores it.
  rl_prep_terminal(1);
  fputs(prompt, rl_outstream ? rl_outstream : stdout);
  fflush(rl_outstream ? rl_outstream : stdout);
  rl_redisplay_function = papi_rl_no_redisplay;
  char *line = papi_rl_readline("");
  rl_redisplay_function = saved;
  fputs("\n", rl_outstream ? rl_outstream : stdout);
  return line;
}

/// Whether the last read ended with Ctrl-C; clears the flag.
int papi_rl_take_interrupt(void) {
  int was = papi_rl_interrupted;
  papi_rl_interrupted = 0;
  return was;
}

/// Whether a Ctrl-C arrived since the last check (outside readline), without clearing it.
int papi_rl_interrupt_pending(void) { return papi_rl_interrupted; }

typedef char **(*papi_rl_completion_fn)(const char *, int, int);

void papi_rl_set_completion(papi_rl_completion_fn function) {
  rl_attempted_completion_function = function;
}

/// The characters that end a word for completion; "" makes the whole line one word.
void papi_rl_set_word_breaks(const char *characters) {
  static char buffer[64];
  strncpy(buffer, characters, sizeof buffer - 1);
  buffer[sizeof buffer - 1] = 0;
  rl_completer_word_break_characters = buffer;
}

/// The line being edited, for the completion callback.
const char *papi_rl_line_buffer(void) { return rl_line_buffer; }

/// Stops readline from falling back to file-name completion.
void papi_rl_completion_over(void) { rl_attempted_completion_over = 1; }

/// A NULL-terminated array of strings readline takes ownership of.
char **papi_rl_make_matches(int count) {
  return (char **)calloc((size_t)count + 1, sizeof(char *));
}

void papi_rl_set_match(char **matches, int index, const char *text) {
  matches[index] = strdup(text);
}

void papi_rl_add_history(const char *line) { add_history(line); }

/// The most recent history entry, or NULL.
const char *papi_rl_last_history(void) {
  HIST_ENTRY *entry = history_get(history_base + history_length - 1);
  return entry ? entry->line : NULL;
}

int papi_rl_read_history(const char *path) { return read_history(path); }
int papi_rl_append_history(int count, const char *path) { return append_history(count, path); }
int papi_rl_write_history(const char *path) { return write_history(path); }
void papi_rl_stifle_history(int max) { stifle_history(max); }
int papi_rl_history_truncate(const char *path, int lines) { return history_truncate_file(path, lines); }


void papi_rl_set_append_character(int character) { rl_completion_append_character = character; }
