#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char default_datadir[] = "/var/lib/appd";

struct app {
    char *datadir;
    char *state_path;
};

static char *str_dup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);

    if (p != NULL)
        memcpy(p, s, n);
    return p;
}

static char *resolve_datadir(int argc, char **argv)
{
    int i;

    for (i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], "--datadir") == 0)
            return str_dup(argv[i + 1]);
    return str_dup(default_datadir);
}

int app_init(struct app *app, int argc, char **argv)
{
    size_t n;

    app->state_path = NULL;
    app->datadir = resolve_datadir(argc, argv);
    if (app->datadir == NULL)
        return -1;
    n = strlen(app->datadir) + sizeof "/state.db";
    app->state_path = malloc(n);
    if (app->state_path == NULL)
        return -1;
    snprintf(app->state_path, n, "%s/state.db", app->datadir);
    return 0;
}

void app_shutdown(struct app *app)
{
    free(app->state_path);
    free(app->datadir);
    app->state_path = NULL;
    app->datadir = NULL;
}

int main(int argc, char **argv)
{
    struct app app;
    int rc = 0;

    if (app_init(&app, argc, argv) < 0)
        rc = 1;
    else
        printf("state: %s\n", app.state_path);
    app_shutdown(&app);
    return rc;
}
