#include CASE
#include <stdio.h>
int main(void)
{
    struct csv_table t = {0};
    const char *hdr = "name,qty";
    const char *row = "widget,3,\"extra, field\",x";
    csv_add_line(&t, hdr, strlen(hdr));
    printf("rc=%d\n", csv_add_line(&t, row, strlen(row)));
    printf("cell=%s\n", csv_cell(&t, 0, 1) ? csv_cell(&t, 0, 1) : "-");
    csv_free(&t);
    return 0;
}
