// placeholder until the date tests land
