#include CASE
int main(void)
{
    struct json_writer w = {0};
    char *doc;
    const char ctl[] = "\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17";
    jw_begin_object(&w);
    jw_field_int(&w, "seq", 1);
    jw_field_str(&w, "msg", ctl, sizeof(ctl) - 1);
    jw_end_object(&w);
    doc = jw_take(&w);
    printf("%s\n", doc ? doc : "(null)");
    free(doc);
    return 0;
}
