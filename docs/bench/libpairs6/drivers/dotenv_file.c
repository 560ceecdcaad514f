/* Drives dotenv_file: an "export NAME" line without an assignment. */
#include CASE
#include <stdio.h>

int main(void)
{
    const char *text = "# settings\nAPP_ENV=production\nexport PATH\nDB_URL=\"postgres://db/app\"\n";
    unsigned line = 0;
    struct env_file *f = env_file_parse(text, strlen(text), &line);

    if (f) {
        printf("APP_ENV=%s\n", env_file_get(f, "APP_ENV"));
        env_file_free(f);
    } else {
        printf("error on line %u\n", line);
    }
    return 0;
}
