/* Driver: maps a request under the document root back to a root-relative
 * name for the access log. */
#include <stdio.h>
#include CASE

int main(void)
{
    char *full = path_join("/srv/www", "css/../css//site.css"), *rel;

    if (!full)
        return 2;
    printf("full=%s ext=%s contained=%d\n", full, path_extension(full), path_is_contained("/css/site.css"));
    rel = path_relative("/srv/www/", full);
    printf("rel=%s\n", rel ? rel : "(outside)");
    free(rel);
    free(full);
    return 0;
}
