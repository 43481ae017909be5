/* The seccomp filter (libseccomp and veil's head): building it from the
 * plan's rules (seccomp-rules.h) and loading it.  Part of the security
 * step (security.h).  Named so as not to be taken for libseccomp's
 * <seccomp.h>. */
#ifndef VEIL_SECCOMP_FILTER_H
#define VEIL_SECCOMP_FILTER_H

#include "error.h"
#include "plan.h"

/* In the command's process, last thing before exec: load the filter.  A
 * new network namespace means one even with --seccomp none: it does not
 * cover every socket family (AF_VSOCK reaches the host), so the command
 * may create only those it does cover. */
int seccomp_apply(const struct security *s, unsigned long namespaces, struct verr *err);

#endif
