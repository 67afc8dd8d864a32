// A thin layer over GNU readline for Swift 6: Swift calls these small functions and never
// touches readline's global variables itself (strict concurrency forbids that). The state the
// SIGINT handler shares with Swift lives in CReadline.c, once.
#ifndef PAPI_CREADLINE_H
#define PAPI_CREADLINE_H

/// Installs the SIGINT handler (Ctrl-C never kills the shell) and readline's hooks.
void papi_rl_install(const char *application_name);
/// Reads a line with line editing; NULL at end of input (Ctrl-D). The caller frees the result.
char *papi_rl_readline(const char *prompt);
char *papi_rl_read_secret(const char *prompt);
/// Whether the last read ended with Ctrl-C; clears the flag.
int papi_rl_take_interrupt(void);
/// Whether a Ctrl-C arrived since the last read, without clearing it.
int papi_rl_interrupt_pending(void);
/// Reads a line as papi_rl_readline does, giving up after `idle_milliseconds` without a key
/// (negative: never): the line typed so far is then dropped and an empty line returned, and
/// papi_rl_take_idle() says so.
char *papi_rl_readline_idle(const char *prompt, int idle_milliseconds);
/// Whether the last read gave up for want of a key; clears the flag.
int papi_rl_take_idle(void);

typedef char **(*papi_rl_completion_fn)(const char *, int, int);
void papi_rl_set_completion(papi_rl_completion_fn function);
/// The characters that end a word for completion; "\n" makes the whole line one word.
void papi_rl_set_word_breaks(const char *characters);
/// What readline adds after a single completion (a space by default; 0 for none).
void papi_rl_set_append_character(int character);
/// The line being edited, for the completion callback.
const char *papi_rl_line_buffer(void);
/// Stops readline from falling back to file-name completion.
void papi_rl_completion_over(void);
/// A NULL-terminated array for `count` matches, which readline frees.
char **papi_rl_make_matches(int count);
void papi_rl_set_match(char **matches, int index, const char *text);

void papi_rl_add_history(const char *line);
/// The most recent history entry, or NULL.
const char *papi_rl_last_history(void);
int papi_rl_read_history(const char *path);
int papi_rl_append_history(int count, const char *path);
int papi_rl_write_history(const char *path);
void papi_rl_stifle_history(int max);
int papi_rl_history_truncate(const char *path, int lines);

#endif
