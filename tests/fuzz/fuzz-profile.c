/* libFuzzer harness for the profile parser: any bytes, named "fuzz.ini".
 * Build and run it with clang from a configured tree:
 *   make fuzz-profile && ./fuzz-profile -max_total_time=60 profiles/
 * profile_parse never touches the filesystem; it must never crash, leak or
 * read out of bounds, whatever the input. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct profile p;
	struct diag d = { 0 };

	profile_parse((const char *)data, size, "fuzz.ini", &p, &d);
	profile_free(&p);
	diag_free(&d);
	return 0;
}
