// SPDX-License-Identifier: GPL-2.0
/*
 * fanctl - selects one of a few fixed fan profiles through sysfs.
 */
#include <linux/module.h>
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/sysfs.h>

#define FANCTL_NUM_PROFILES	4

struct fan_profile {
	const char *name;
	u8 duty;
	u16 ramp_ms;
};

static const struct fan_profile fan_profiles[FANCTL_NUM_PROFILES] = {
	{ "silent", 30, 2000 },
	{ "balanced", 50, 1000 },
	{ "performance", 80, 500 },
	{ "full", 100, 100 },
};

struct fanctl {
	struct mutex lock;
	int profile;
	u8 duty;
	u16 ramp_ms;
};

static ssize_t profile_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	struct fanctl *fc = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%d\n", READ_ONCE(fc->profile));
}

static ssize_t profile_store(struct device *dev, struct device_attribute *attr,
			     const char *buf, size_t count)
{
	struct fanctl *fc = dev_get_drvdata(dev);
	int idx, ret;

	ret = kstrtoint(buf, 0, &idx);
	if (ret)
		return ret;
	if (idx >= FANCTL_NUM_PROFILES)
		return -EINVAL;

	mutex_lock(&fc->lock);
	fc->duty = fan_profiles[idx].duty; // expect-warning: CWE-129
	fc->ramp_ms = fan_profiles[idx].ramp_ms;
	WRITE_ONCE(fc->profile, idx);
	mutex_unlock(&fc->lock);
	return count;
}
static DEVICE_ATTR_RW(profile);

static struct attribute *fanctl_attrs[] = {
	&dev_attr_profile.attr,
	NULL,
};
ATTRIBUTE_GROUPS(fanctl);

static int fanctl_probe(struct platform_device *pdev)
{
	struct fanctl *fc;

	fc = devm_kzalloc(&pdev->dev, sizeof(*fc), GFP_KERNEL);
	if (!fc)
		return -ENOMEM;
	mutex_init(&fc->lock);
	fc->profile = 1;
	fc->duty = fan_profiles[1].duty;
	fc->ramp_ms = fan_profiles[1].ramp_ms;
	platform_set_drvdata(pdev, fc);
	return 0;
}

static struct platform_driver fanctl_driver = {
	.probe = fanctl_probe,
	.driver = {
		.name = "fanctl",
		.dev_groups = fanctl_groups,
	},
};
module_platform_driver(fanctl_driver);
MODULE_LICENSE("GPL");
