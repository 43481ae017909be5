/* Unit tests for the parsing helpers the plan builder relies on. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>

#include "tap.h"
#include "util.h"

static void test_mode(void)
{
	struct verr err;
	mode_t m = 0;

	ok(parse_mode("0755", &m, &err) == 0 && m == 0755, "0755 parses");
	ok(parse_mode("1777", &m, &err) == 0 && m == 01777, "1777 keeps the sticky bit");
	ok(parse_mode("7", &m, &err) == 0 && m == 07, "a short mode parses");
	ok(parse_mode("0800", &m, &err) < 0, "8 is not an octal digit");
	is_str(err.msg, "'0800' is not an octal mode", "the error names the value");
	ok(parse_mode("17777", &m, &err) < 0, "modes above 07777 are refused");
	ok(parse_mode("", &m, &err) < 0, "an empty mode is refused");
	ok(parse_mode("-1", &m, &err) < 0, "a sign is refused");
}

static void test_uint(void)
{
	struct verr err;
	unsigned long v = 7;

	ok(parse_uint("0", 10, &v, &err) == 0 && v == 0, "0 parses");
	ok(parse_uint("10", 10, &v, &err) == 0 && v == 10, "the maximum itself parses");
	ok(parse_uint("007", 10, &v, &err) == 0 && v == 7, "leading zeros are decimal");
	ok(parse_uint("4294967294", 4294967294UL, &v, &err) == 0 && v == 4294967294UL,
	   "a 32-bit maximum parses");
	ok(parse_uint("11", 10, &v, &err) < 0, "above the maximum is refused");
	is_str(err.msg, "'11' is out of range (0 to 10)", "the error gives the range");
	ok(parse_uint("99999999999999999999999", ~0UL, &v, &err) < 0, "overflow is refused");
	ok(parse_uint("-1", 10, &v, &err) < 0, "a minus sign is refused");
	is_str(err.msg, "'-1' is not a number (0 to 10)", "the error names the value");
	ok(parse_uint("+1", 10, &v, &err) < 0, "a plus sign is refused");
	ok(parse_uint(" 1", 10, &v, &err) < 0, "blanks are refused");
	ok(parse_uint("0x1", 10, &v, &err) < 0, "hexadecimal is refused");
	ok(parse_uint("1k", 10, &v, &err) < 0, "suffixes are refused");
	ok(parse_uint("", 10, &v, &err) < 0, "an empty string is refused");
}

static void test_plain_number(void)
{
	static const struct {
		const char *s;
		bool integer, decimal;
	} cases[] = {
		{ "0", true, true },	   { "42", true, true },    { "1.5", false, true },
		{ "5.", false, true },	   { ".25", false, true },  { ".", false, false },
		{ "", false, false },	   { "-1", false, false },  { "+1", false, false },
		{ " 1", false, false },	   { "1 ", false, false },  { "0x10", false, false },
		{ "1e3", false, false },   { "1.2.3", false, false }, { "2s", false, false },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ok(is_plain_number(cases[i].s, false) == cases[i].integer, "'%s' %s an integer",
		   cases[i].s, cases[i].integer ? "is" : "is not");
		ok(is_plain_number(cases[i].s, true) == cases[i].decimal, "'%s' %s a decimal",
		   cases[i].s, cases[i].decimal ? "is" : "is not");
	}
}

static void test_size(void)
{
	struct verr err;
	unsigned long long v = 0;

	ok(parse_size("4096", &v, &err) == 0 && v == 4096, "plain bytes");
	ok(parse_size("64k", &v, &err) == 0 && v == 65536, "k is KiB");
	ok(parse_size("64K", &v, &err) == 0 && v == 65536, "K is KiB");
	ok(parse_size("2M", &v, &err) == 0 && v == 2ULL << 20, "M is MiB");
	ok(parse_size("3G", &v, &err) == 0 && v == 3ULL << 30, "G is GiB");
	ok(parse_size("1T", &v, &err) == 0 && v == 1ULL << 40, "T is TiB");
	ok(parse_size("12MB", &v, &err) < 0, "two-letter units are refused");
	ok(parse_size("x", &v, &err) < 0, "words are refused");
	is_str(err.msg, "'x' is not a size (bytes, or a number with k, M, G, T)",
	       "the error explains the format");
	ok(parse_size("99999999999999999999", &v, &err) < 0, "overflow is refused");
	ok(parse_size("16777216T", &v, &err) < 0, "overflow through the unit is refused");
	ok(parse_size("-1", &v, &err) < 0, "negative sizes are refused");
}

static void test_normalize(void)
{
	static const char *const cases[][2] = {
		{ "/", "/" },	      { "//", "/" },	     { "/a/b", "/a/b" },
		{ "/a//b/", "/a/b" }, { "/./a/./b/.", "/a/b" }, { "/a/.b", "/a/.b" },
		{ "/a/..b", "/a/..b" },
	};
	struct verr err;
	char *out;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ok(normalize_dest(cases[i][0], &out, &err) == 0, "%s normalizes", cases[i][0]);
		is_str(out, cases[i][1], "%s becomes %s", cases[i][0], cases[i][1]);
		free(out);
	}
	ok(normalize_dest("a/b", &out, &err) < 0, "relative paths are refused");
	is_str(err.msg, "'a/b' is not an absolute path", "and the error says so");
	ok(normalize_dest("/a/../etc", &out, &err) < 0, "'..' is refused");
	ok(normalize_dest("/a/..", &out, &err) < 0, "a trailing '..' is refused");
	ok(normalize_dest("", &out, &err) < 0, "an empty path is refused");
}

static void test_paths(void)
{
	char *p;

	p = path_parent("/a/b/c");
	is_str(p, "/a/b", "parent of /a/b/c");
	free(p);
	p = path_parent("/a");
	is_str(p, "/", "parent of /a is /");
	free(p);
	is_str(path_base("/a/b/c"), "c", "base of /a/b/c");
}

static void test_quote(void)
{
	char *buf;
	size_t len;
	FILE *f = open_memstream(&buf, &len);

	fput_quoted("plain/path-1.0", f);
	fputc(' ', f);
	fput_quoted("two words", f);
	fputc(' ', f);
	fput_quoted("it's", f);
	fputc(' ', f);
	fput_quoted("", f);
	fclose(f);
	is_str(buf, "plain/path-1.0 'two words' 'it'\\''s' ''", "shell quoting");
	free(buf);
}

int main(void)
{
	test_mode();
	test_uint();
	test_plain_number();
	test_size();
	test_normalize();
	test_paths();
	test_quote();
	return done();
}
