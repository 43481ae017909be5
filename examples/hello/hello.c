/* A tiny program to build and run under veil: it reports what the
 * sandbox looks like from inside. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Processes this program can see: the numeric entries of /proc. */
static int count_processes(void)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		n += e->d_name[0] >= '1' && e->d_name[0] <= '9';
	closedir(d);
	return n;
}

static const char *writable(const char *dir)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof path, "%s/.veil-hello-probe", dir);
	f = fopen(path, "w");
	if (!f)
		return errno == EROFS ? "no (read-only file system)" : strerror(errno);
	fclose(f);
	unlink(path);
	return "yes";
}

int main(void)
{
	char cwd[4096];

	if (!getcwd(cwd, sizeof cwd))
		return 1;
	printf("hello from pid %d, one of %d processes in this sandbox\n", (int)getpid(),
	       count_processes());
	printf("  /usr writable:  %s\n", writable("/usr"));
	printf("  /tmp writable:  %s\n", writable("/tmp"));
	printf("  here writable:  %s (%s)\n", writable(cwd), cwd);
	return 0;
}
