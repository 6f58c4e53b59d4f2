// Python exceptions as JavaScript errors (embedding API).
//
// A Python exception that leaves a call made from JavaScript becomes a PythonError: `name`
// is the Python type's name (so `String(err)` reads "ZeroDivisionError: division by zero",
// as CPython's last traceback line), `message` is str(exception), and `traceback` is the
// whole report CPython would print for it uncaught ("Traceback (most recent call last):
// ..." down to that last line), produced by the runtime's own printer.

export class PythonError extends Error {
  /** The Python exception type's name, e.g. 'ValueError'. */
  readonly pythonType: string;
  /** str() of the exception. */
  readonly pythonMessage: string;
  /** The traceback text as CPython prints it for an uncaught exception. */
  readonly traceback: string;

  constructor(pythonType: string, pythonMessage: string, traceback: string) {
    super(pythonMessage);
    this.name = pythonType;
    this.pythonType = pythonType;
    this.pythonMessage = pythonMessage;
    this.traceback = traceback;
  }
}

/** The source could not be compiled (a SyntaxError, or a construct the native backend refuses). */
export class CompileError extends Error {
  /** The diagnostic as the command line prints it (file:line:col, the line, a caret). */
  readonly report: string;

  constructor(message: string, report: string) {
    super(message);
    this.name = 'CompileError';
    this.report = report;
  }
}
