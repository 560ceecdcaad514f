/* Driver: a statement whose last string literal is not terminated. */
#include <stdio.h>
#include CASE

int main(void)
{
    const char *ok = "SELECT id, name FROM users WHERE id = ? AND org = :org -- by id";
    const char *cut = "SELECT id FROM notes WHERE body = 'it''s";

    printf("params=%d readonly=%d\n", sql_count_params(ok, strlen(ok)), sql_is_readonly(ok, strlen(ok)));
    printf("params=%d\n", sql_count_params(cut, strlen(cut)));
    return 0;
}
