/* Driver: a reload step normalises a string setting in place and stores it
 * again under the same key (to bump the generation counter). */
#include <ctype.h>
#include <stdio.h>
#include CASE

int main(void)
{
    struct cfg *c = cfg_new();
    char *level;
    int *port = malloc(sizeof(int));

    if (!c || !port)
        return 2;
    *port = 8080;
    cfg_set(c, "http.port", port, free);
    cfg_set_str(c, "log.level", "INFO");
    cfg_set_str(c, "log.file", "/var/log/app.log");
    level = cfg_get(c, "log.level");
    for (char *p = level; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    cfg_set(c, "log.level", level, free);
    cfg_unset(c, "log.file");
    printf("gen=%u port=%d file=%s\n", c->generation, *(int *)cfg_get(c, "http.port"),
           cfg_get_str(c, "log.file", "-"));
    cfg_free(c);
    return 0;
}
