/* The executor: applies a finished plan.  It creates the namespaces, sets
 * the sandbox up inside them (mounts.c), starts the command, and leaves the
 * waiting to supervise.c. */
#ifndef VEIL_EXECUTOR_H
#define VEIL_EXECUTOR_H

#include "plan.h"

/* Run the plan's command; returns veil's exit status. */
int executor_run(const struct plan *plan);

#endif
