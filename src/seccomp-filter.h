/* The seccomp filter (libseccomp and veil's head): building it from the
 * plan's rules (seccomp-rules.h) and loading it.  Part of the security
 * step (security.h).  Named so as not to be taken for libseccomp's
 * <seccomp.h>. */
#ifndef VEIL_SECCOMP_FILTER_H
#define VEIL_SECCOMP_FILTER_H

#include <linux/filter.h>

#include "error.h"
#include "plan.h"

/* In the command's process: build the filter into *prog (len 0: none),
 * before the resource limits, which may leave no memory to build it
 * with; load it last thing before exec.  A new network namespace means
 * one even with --seccomp none: it does not cover every socket family
 * (AF_VSOCK reaches the host), so the command may create only those it
 * does cover; so does a command that is root outside. */
int seccomp_filter_build(const struct security *s, unsigned long namespaces, struct sock_fprog *prog,
		  struct verr *err);
int seccomp_filter_load(const struct security *s, unsigned long namespaces, const struct sock_fprog *prog,
		 struct verr *err);

#endif
